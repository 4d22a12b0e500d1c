"""manage.py search_bench: rebuild time and /api/v1/search latency on every backend given.

Meant for a throw-away database (`make bench` makes one): it adds generated products."""

import logging
import time

from django.core.management.base import BaseCommand
from django.test import override_settings

from search import engines, index
from search.benchmark import QUERY_MIX, Server, generate_products, measure
from search.documents import all_documents


class Command(BaseCommand):
    help = "Measure index rebuild time and search latency (p50/p95) per backend."

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=0, help="generate up to this many")
        parser.add_argument("--rounds", type=int, default=10, help="passes over the query mix")
        parser.add_argument("--warmup", type=int, default=10, help="passes not counted")
        parser.add_argument(
            "--engine", action="append", default=[], metavar="URL", help="an engine to measure"
        )

    def handle(self, *args, products, rounds, warmup, engine, **options):
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per generated page
        if products:
            started = time.perf_counter()
            count = generate_products(products)
            self.stdout.write(
                f"products: {count} (generated in {time.perf_counter() - started:.1f} s)"
            )
        self.stdout.write(
            f"query mix: {len(QUERY_MIX)} requests x {rounds} rounds after {warmup} warm-up "
            "rounds, one gunicorn worker, loopback"
        )
        self.stdout.write(
            f"{'backend':<14} {'documents':>9} {'rebuild s':>9} {'p50 ms':>8} {'p95 ms':>8}"
            f" {'1st pass p50':>12} {'1st pass p95':>12}"
        )
        for url in ["", *engine]:
            engines._engines.clear()
            with override_settings(SEARCH_URL=url):
                started = time.perf_counter()
                documents = list(all_documents())
                index.rebuild(documents)
                rebuild_seconds = time.perf_counter() - started
            server = Server(url)
            try:
                (first_p50, first_p95), (p50, p95), backend = measure(server.base, rounds, warmup)
            finally:
                server.stop()
            self.stdout.write(
                f"{backend:<14} {len(documents):>9} {rebuild_seconds:>9.1f} {p50:>8.1f} {p95:>8.1f}"
                f" {first_p50:>12.1f} {first_p95:>12.1f}"
            )
