"""`manage.py draft_bulletin YEAR QUARTER`: an unpublished bulletin drafted from the catalog."""

from django.core.management.base import BaseCommand, CommandError

from catalog.home.bulletin_draft import DraftError, draft_bulletin


class Command(BaseCommand):
    help = (
        "Draft the quarter's extension bulletin from the catalog: new certifications and "
        "trademarks, fairs held and upcoming, certificates expiring next quarter. The page is "
        "left unpublished for an editor to finish."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("quarter", type=int, choices=[1, 2, 3, 4])

    def handle(self, *args, **options):
        try:
            page = draft_bulletin(options["year"], options["quarter"])
        except DraftError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Drafted {page.title!r} (issue {page.issue_number}, id {page.pk}).")
