"""`manage.py load_demo`: load the sample catalog without touching what exists, or, with
--reset, put the sample content back. It creates no users."""

import contextlib
import logging
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.signal_handlers import disable_reference_index_auto_update

from catalog.demo.catalog_loader import load_demo
from catalog.demo.data import read
from catalog.demo.fairs_loader import FairsDemoLoader
from search.signal_handlers import search_auto_update_paused

# Loggers that report every page publication and background task at INFO level.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextlib.contextmanager
def quieter(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


def reset_warning():
    """What --reset overwrites, counted from the data files."""
    producers = read("producers")
    products = sum(len(item["products"]) for item in producers)
    categories = sum(1 + len(item.get("children", ())) for item in read("categories"))
    return (
        "Warning: --reset overwrites the sample content with catalog/demo/data/: "
        f"{categories} categories, {len(read('districts'))} districts, "
        f"{len(read('craft_villages'))} craft villages, {len(read('trademarks'))} trademarks, "
        f"{len(producers)} producers and their {products} products (fields, pictures, "
        f"certifications, tags), {len(read('fairs'))} fairs and their exhibits, "
        f"{len(read('news'))} news items, {len(read('bulletins'))} bulletins, the about page, "
        "the home page, the section intros, the results page, the main menu and footer "
        "contacts (site settings) and the demo pictures' "
        "descriptions (pictures and bulletin PDFs are not redrawn). Pages that differ are "
        "republished, unpublished ones included, drafts are replaced, and "
        "what people changed in them is lost (earlier page revisions stay in each page's "
        "history). Anything that is not sample data is left alone."
    )


class Command(BaseCommand):
    help = (
        "Load sample categories, districts, craft villages, producers, products, "
        "certifications, trademarks, pictures, fairs and exhibits, news, bulletins and the "
        "programme's results from catalog/demo/data/. Creates what is missing (also a sample "
        "record someone deleted) and leaves every existing record exactly as it is, edited "
        "or unpublished ones included; the home page and the section pages are filled in "
        "only while they are still blank. Records are matched by slug (pictures by title). "
        "--reset instead puts the sample content back. Creates no user accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Overwrite the sample records with the data files' values and republish "
            "them, discarding people's changes to them (it says what first, and asks for "
            "confirmation when run from a terminal, unless --no-input).",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation before --reset.",
        )
        parser.add_argument(
            "--skip-indexes",
            action="store_true",
            help="Do not rebuild Wagtail's reference index and search index afterwards "
            "(they are then updated page by page, which is slower).",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        reset = options["reset"]
        if reset:
            self.stdout.write(self.style.WARNING(reset_warning()))
            if options["interactive"] and sys.stdin.isatty():
                answer = input("Type 'yes' to reset the sample content: ")
                if answer.strip().lower() != "yes":
                    raise CommandError("Reset cancelled; nothing was changed.")
        logs = quieter(CHATTY_LOGGERS) if verbosity < 2 else contextlib.nullcontext()
        try:
            with logs:
                loader = self.load(reset, rebuild_indexes=not options["skip_indexes"])
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            self.stdout.write(loader.summary())

    @staticmethod
    def load(reset, rebuild_indexes):
        """The catalog first, then fairs, news, bulletins and results; Wagtail's indexes are
        rebuilt once at the end rather than on every save."""
        started = time.monotonic()
        pause = contextlib.ExitStack()
        if rebuild_indexes:
            pause.enter_context(disable_reference_index_auto_update())
            pause.enter_context(search_auto_update_paused())
        with pause:
            loader = FairsDemoLoader(load_demo(reset=reset, rebuild_indexes=False)).run()
        if rebuild_indexes:
            loader.rebuild_indexes()
        loader.seconds = time.monotonic() - started
        return loader
