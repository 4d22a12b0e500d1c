"""manage.py restore ARCHIVE [--force]: a fresh install brought to the archive's state."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from catalog.base import backup


class Command(BaseCommand):
    help = (
        "Restore the database and media of a `backup` archive into a fresh install, migrate "
        "it, and rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that is not empty and overwrite media files",
        )

    def handle(self, *args, archive, force, **options):
        try:
            manifest = backup.read(archive, force=force)
        except backup.BackupError as error:
            raise CommandError(f"{archive}: {error}") from error
        self.stdout.write(f"Restored {archive}, made {manifest['created_at']}.")
        # An archive from an older release is brought up to this one's schema; the engine's
        # index is not in the archive, so it is built again from the restored records (the
        # command lives in search/, above this app, and is called by name).
        call_command("migrate", interactive=False, verbosity=0)
        call_command("search_index", "rebuild", stdout=self.stdout)
        figures = ", ".join(f"{n} {what}" for what, n in backup.counts().items())
        self.stdout.write(f"Now: {figures}.")
