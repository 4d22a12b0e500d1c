"""manage.py import_catalog FILE: load producers, products, certifications and trademarks."""

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalog.base.busy import is_busy
from products.importing import ENTITIES, CatalogImporter, ImportFailed


class Command(BaseCommand):
    help = (
        "Import a CSV (UTF-8) or XLSX sheet with one certification of one product per row. "
        "Nothing is written unless every row is valid; importing the same file twice is harmless."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file with a header row")
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="create unknown districts and (top-level) categories instead of failing",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and count, then roll everything back"
        )

    def handle(self, *args, **options):
        importer = CatalogImporter(create_missing=options["create_missing"])
        try:
            counts = importer.run(options["file"], dry_run=options["dry_run"])
        except ImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            count = len(exc.problems)
            message = ngettext(
                "%d problem; nothing was imported.", "%d problems; nothing was imported.", count
            )
            raise CommandError(message % count) from None
        except OperationalError as exc:
            if not is_busy(exc):
                raise
            busy = _(
                "The catalogue is busy saving other changes; nothing was imported. "
                "Please run the import again in a minute."
            )
            raise CommandError(busy) from None
        summary = _("%(entity)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged")
        for entity in ENTITIES:
            zero = dict.fromkeys(("created", "updated", "unchanged"), 0)
            self.stdout.write(summary % {**zero, **counts[entity], "entity": entity})
        for entity in ("districts", "categories"):
            if counts[entity]["created"]:
                created = {"entity": entity, "count": counts[entity]["created"]}
                self.stdout.write(_("%(entity)s created: %(count)d") % created)
        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing was saved."))
        else:
            self.stdout.write(self.style.SUCCESS(_("Import complete.")))
