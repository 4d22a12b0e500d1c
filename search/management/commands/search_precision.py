"""`manage.py search_precision`: the precision figure of issue 11 on the loaded catalogue."""

from django.core.management.base import BaseCommand

from search.precision import measure


class Command(BaseCommand):
    help = (
        "Share of first-page results whose card shows every word typed, over the demo "
        "catalogue's multi-word queries (load it with load_demo first)."
    )

    def handle(self, *args, **options):
        precision, per_query = measure()
        for text, (precise, shown, match) in per_query.items():
            self.stdout.write(f"{precise:3d}/{shown:<3d} {match:<3} {text}")
        total = sum(shown for _precise, shown, _match in per_query.values())
        self.stdout.write(f"precision {precision:.1%} over {total} results")
        partial = [text for text, (_p, _s, match) in per_query.items() if match == "any"]
        self.stdout.write(f"answered with some of the words (said so): {', '.join(partial)}")
