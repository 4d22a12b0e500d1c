"""manage.py backup [ARCHIVE]: the database and the media in one .tar.gz (README, "Backups")."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from catalog.base import backup


class Command(BaseCommand):
    help = "Write the database and MEDIA_ROOT into one .tar.gz archive with a manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", nargs="?", help="default: catalog-backup-<date>-<time>.tar.gz here"
        )

    def handle(self, *args, archive=None, **options):
        archive = archive or timezone.now().strftime("catalog-backup-%Y%m%d-%H%M%S.tar.gz")
        try:
            manifest = backup.write(archive)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        figures = ", ".join(f"{n} {what}" for what, n in manifest["counts"].items())
        self.stdout.write(f"Wrote {archive} ({manifest['database']}): {figures}.")
