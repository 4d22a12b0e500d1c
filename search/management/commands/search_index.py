"""manage.py search_index rebuild|sync|status"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from search import index
from search.backends.engine import catalog_index
from search.documents import DOCUMENT_VERSION, all_documents
from search.engines import EngineUnavailable, get_engine, index_alias
from search.models import PendingIndexChange, SearchRecord


class Command(BaseCommand):
    help = (
        "rebuild: index everything into a new index and swap the alias, then rebuild Wagtail's "
        "own (admin) index; "
        "sync: replay changes the engine missed; status: compare the database and the index."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "status"])

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)()
        except EngineUnavailable as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error

    def rebuild(self):
        started = time.perf_counter()
        documents = list(all_documents())
        new_index = index.rebuild(documents)
        elapsed = time.perf_counter() - started
        where = f"index {new_index} (alias {index_alias()})" if new_index else "the database"
        self.stdout.write(f"Indexed {len(documents)} documents into {where} in {elapsed:.1f} s.")
        # Saves keep Wagtail's admin index (in the database) current, but bulk loads pause it
        # (load_demo, the benchmark's products): one rebuild command covers both indexes.
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Rebuilt Wagtail's admin search index in {elapsed:.1f} s.")

    def sync(self):
        engine = get_engine()
        if engine is None:
            self.stdout.write("No search engine configured; the database is always in sync.")
            return
        sent = index.replay_pending(engine)
        self.stdout.write(f"Replayed {sent} pending changes.")

    def status(self):
        expected = {d["id"] for d in all_documents()}
        recorded = set(SearchRecord.objects.values_list("key", flat=True))
        self._report("database records", expected, recorded)
        stale = SearchRecord.objects.exclude(document__version=DOCUMENT_VERSION).count()
        self._version("database records", DOCUMENT_VERSION if not stale else None, stale)
        pending = PendingIndexChange.objects.count()
        self.stdout.write(f"pending changes: {pending}")
        engine = get_engine()
        if engine is None:
            self.stdout.write("engine: none configured (the database backend answers)")
            return
        live = catalog_index(engine)
        indexed = live.keys()
        self.stdout.write(
            f"engine: {engine.name} at {engine.address}, alias {live.alias} -> "
            f"{', '.join(live.names()) or 'missing'}"
        )
        self._report("engine documents", expected, indexed)
        if live.names():
            self._version("engine index", live_version(live))

    def _version(self, label, version, stale=0):
        """Whether the documents were built by this code's DOCUMENT_VERSION; an older index
        may lack fields searches read, so it is named with the fix."""
        if version == DOCUMENT_VERSION:
            self.stdout.write(f"{label}: document version {version}, current")
            return
        built = f"{stale} built by an older version" if stale else f"built by version {version}"
        self.stdout.write(
            f"{label}: {built}, this code writes version {DOCUMENT_VERSION}: OUT OF DATE, "
            "run `manage.py search_index rebuild`"
        )

    def _report(self, label, expected, actual):
        missing, extra = expected - actual, actual - expected
        state = "in sync" if not missing and not extra else "OUT OF SYNC"
        self.stdout.write(
            f"{label}: {len(actual)} (expected {len(expected)}), {len(missing)} missing, "
            f"{len(extra)} extra: {state}"
        )
        for key in sorted(missing)[:10]:
            self.stdout.write(f"  missing {key}")
        for key in sorted(extra)[:10]:
            self.stdout.write(f"  extra {key}")


def live_version(live):
    """The document version in the live index's mapping (1: made before versions were)."""
    mappings = live.engine.call("indices.get_mapping", index=live.alias)
    versions = [
        m["mappings"].get("_meta", {}).get("document_version", 1) for m in mappings.values()
    ]
    return min(versions, default=1)
