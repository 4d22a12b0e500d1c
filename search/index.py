"""Writing to the search index: the database records at once, the engine when configured.

Every change for the engine is queued as a PendingIndexChange in the same transaction as the
records, and once that transaction commits the task worker sends the queue (`send_pending`),
so a publish never waits on the engine and a rolled-back one never reaches it. When the
engine cannot be reached the changes stay queued, and a periodic task (`replay_periodically`,
every SEARCH_REPLAY_INTERVAL seconds) sends them once it is back; `search_index sync` does
the same at once. No update is lost."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task

from catalog.base.tasks import enqueue_once

from .backends.engine import catalog_index
from .engines import EngineUnavailable, get_engine
from .facets import FACET_FIELDS
from .models import PendingIndexChange, SearchFacetValue, SearchRecord, SearchWord

logger = logging.getLogger(__name__)


def _spaced(text):
    return f" {text} "


def record_fields(document):
    return {
        "kind": document["kind"],
        "title_folded": _spaced(document["title_folded"]),
        "title_exact": _spaced(document["title_exact"]),
        "text_folded": _spaced(document["text_folded"]),
        "text_exact": _spaced(document["text_exact"]),
        "sort_name": document["sort_name"][:255],
        "newest_year": document["newest_year"],
        "document": document,
    }


def _values(value):
    """A facet's values in a document: a list, or one value (the kind)."""
    return [value] if isinstance(value, str) else (value or [])


def search_rows(record_id, document):
    """The (word rows, facet rows) of a saved record: what the database backend looks up.
    The words are the folded words and the exact keys of words written with diacritics
    (which always differ from any folded word: they hold the marks' digits)."""
    text = document["text_folded"].split() + document["text_exact"].split()
    words = dict.fromkeys(w[: SearchWord.MAX_LENGTH] for w in text)
    facets = [
        (record_id, name, str(value))
        for name in FACET_FIELDS
        for value in dict.fromkeys(_values(document.get(name)))
    ]
    return [(record_id, word) for word in words], facets


def _insert(model, columns, rows):
    """Plain INSERTs: for the few hundred thousand rows of a rebuild, building model
    instances would cost more than writing them."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def _create_rows(pairs):
    words, facets = [], []
    for record_id, document in pairs:
        record_words, record_facets = search_rows(record_id, document)
        words += record_words
        facets += record_facets
    _insert(SearchWord, ("record_id", "word"), words)
    _insert(SearchFacetValue, ("record_id", "field", "value"), facets)


def save_records(documents):
    pairs = []
    for document in documents:
        record, _created = SearchRecord.objects.update_or_create(
            key=document["id"], defaults=record_fields(document)
        )
        pairs.append((record.pk, document))
    for model in (SearchWord, SearchFacetValue):
        model.objects.filter(record__in=[pk for pk, _document in pairs]).delete()
    _create_rows(pairs)


def _queue(upserts, deletes):
    for key, action in [(d["id"], "upsert") for d in upserts] + [(k, "delete") for k in deletes]:
        PendingIndexChange.objects.update_or_create(
            key=key, defaults={"action": action, "error": ""}
        )


def pending_documents():
    """The queued changes as (documents to write, keys to delete), read from the records."""
    pending = list(PendingIndexChange.objects.all())
    records = dict(
        SearchRecord.objects.filter(key__in=[p.key for p in pending]).values_list("key", "document")
    )
    upserts = [records[p.key] for p in pending if p.action == "upsert" and p.key in records]
    deletes = [p.key for p in pending if p.action == "delete" or p.key not in records]
    return pending, upserts, deletes


def replay_pending(engine):
    """Send every queued change; on success forget them, except those queued again while
    this ran (they are newer than what was sent). Returns how many were sent."""
    read_at = timezone.now()
    pending, upserts, deletes = pending_documents()
    if not pending:
        return 0
    catalog_index(engine).write(upserts, deletes)
    PendingIndexChange.objects.filter(
        pk__in=[p.pk for p in pending], recorded_at__lte=read_at
    ).delete()
    return len(pending)


def apply(upserts=(), deletes=()):
    """Store documents and removals in the database records, and queue them for the engine
    when one is configured. Never touches the engine itself."""
    upserts, deletes = list(upserts), list(deletes)
    with transaction.atomic():
        save_records(upserts)
        SearchRecord.objects.filter(key__in=deletes).delete()
        if settings.SEARCH_URL and (upserts or deletes):
            _queue(upserts, deletes)
            # Only once the change is committed: a rolled-back save (a failed demo load, an
            # import that stops half-way) must never reach the engine.
            transaction.on_commit(_send_soon)


def _send_soon():
    enqueue_once(send_pending)


@task()
def send_pending():
    """Send the queued changes to the engine. If it is unreachable they stay queued, with
    the error, for the periodic replay. Returns how many were sent."""
    try:
        engine = get_engine()
        return replay_pending(engine) if engine is not None else 0
    except EngineUnavailable as error:
        count = PendingIndexChange.objects.update(error=str(error)[:2000])
        logger.warning("Search engine unavailable, %d changes kept queued: %s", count, error)
        schedule_replay()
        return 0


@task()
def replay_periodically():
    """Replay what the engine missed, then come back after SEARCH_REPLAY_INTERVAL seconds:
    a recovered engine catches up with no one running a command."""
    try:
        return send_pending.call()
    finally:
        schedule_replay()


def schedule_replay():
    """Enqueue the periodic replay unless it is already waiting (one is enough)."""
    enqueue_once(replay_periodically, timedelta(seconds=settings.SEARCH_REPLAY_INTERVAL))


def schedule_replay_after_migrate(sender, **kwargs):
    """Starts the periodic replay on a new database (and after any migration)."""
    schedule_replay()


def rebuild(documents, batch_size=500):
    """Rebuild every store from scratch. On the engine a new index is filled beside the live
    one and the alias is swapped in one step, so searches never see an empty index."""
    started = timezone.now()
    documents = list(documents)
    with transaction.atomic():
        for model in (SearchWord, SearchFacetValue, SearchRecord):
            model.objects.all().delete()
        records = SearchRecord.objects.bulk_create(
            [SearchRecord(key=d["id"], **record_fields(d)) for d in documents], batch_size=500
        )
        _create_rows((r.pk, d) for r, d in zip(records, documents, strict=True))
    engine = get_engine()
    if engine is None:
        return None
    new_index = catalog_index(engine).rebuild(documents, batch_size)
    # Changes queued while the rebuild ran are newer than its documents: keep them.
    PendingIndexChange.objects.filter(recorded_at__lt=started).delete()
    return new_index
