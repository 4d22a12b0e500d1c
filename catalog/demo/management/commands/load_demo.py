"""`manage.py load_demo`: load the sample catalog. Safe to run again; it creates no users."""

import contextlib
import logging
import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.signal_handlers import disable_reference_index_auto_update

from catalog.demo.catalog_loader import load_demo
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


class Command(BaseCommand):
    help = (
        "Load sample categories, districts, craft villages, producers, products, "
        "certifications, trademarks, pictures, fairs and exhibits, news, bulletins and the "
        "programme's results. Idempotent: running it again only applies "
        "changes made to the sample data. Creates no user accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-indexes",
            action="store_true",
            help="Do not rebuild Wagtail's reference index and search index afterwards "
            "(they are then updated page by page, which is slower).",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        logs = quieter(CHATTY_LOGGERS) if verbosity < 2 else contextlib.nullcontext()
        try:
            with logs:
                loader = self.load(rebuild_indexes=not options["skip_indexes"])
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            self.stdout.write(loader.summary())

    @staticmethod
    def load(rebuild_indexes):
        """The catalog first, then fairs, news, bulletins and results; Wagtail's indexes are
        rebuilt once at the end rather than on every save."""
        started = time.monotonic()
        pause = contextlib.ExitStack()
        if rebuild_indexes:
            pause.enter_context(disable_reference_index_auto_update())
            pause.enter_context(search_auto_update_paused())
        with pause:
            loader = FairsDemoLoader(load_demo(rebuild_indexes=False)).run()
        if rebuild_indexes:
            loader.rebuild_indexes()
        loader.seconds = time.monotonic() - started
        return loader
