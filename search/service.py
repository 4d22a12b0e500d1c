"""One entry point for the search page and the API: choose the backend, fall back to the
database when the engine is down, and dress the raw result for display (labels, links,
highlights)."""

import logging
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from catalog.base.text import fold

from . import matching
from .backends.database import DatabaseBackend
from .backends.engine import EngineBackend
from .engines import EngineUnavailable, get_engine, index_alias
from .facets import FACETS
from .highlight import highlight, snippet

logger = logging.getLogger(__name__)
SUGGEST_MIN_CHARS = 2
SUGGEST_LIMIT = 8


def _backends():
    """The backends to try, in order: the engine when one is configured, then the database."""
    try:
        engine = get_engine()
    except EngineUnavailable as error:
        logger.warning("Search engine unreachable: %s", error)
        return [DatabaseBackend()], True
    return ([EngineBackend(engine)] if engine else []) + [DatabaseBackend()], False


def _run(method, *args):
    """(result, degraded): the first backend's answer; degraded when the engine failed."""
    backends, degraded = _backends()
    for backend in backends:
        try:
            return getattr(backend, method)(*args), degraded
        except EngineUnavailable as error:
            logger.warning("Search engine failed, answering from the database: %s", error)
            degraded = True
    raise AssertionError("the database backend does not fail over")  # pragma: no cover


def status():
    """Who answers buyers' searches now, for /readyz: the engine when it is configured and its
    index answers, otherwise the database (the fallback, named when the engine is down)."""
    try:
        engine = get_engine()
        if engine is not None:
            engine.call("count", index=index_alias())
    except EngineUnavailable as error:
        logger.warning("Search engine unreachable: %s", error)
        return {"backend": "database", "status": "down, serving from the database"}
    return {"backend": engine.name if engine else "database", "status": "ok"}


def partial_notice(result):
    """The sentence above results that hold only some of the words typed, or ""."""
    if result.match != matching.ANY:
        return ""
    return _("No results contain all the words; these results contain some of them.")


def search(query):
    """(SearchResult, notice): notice is a sentence for buyers when the engine was down."""
    result, degraded = _run("search", query)
    notice = (
        _("Search is running in a simplified mode right now; results may be less precise.")
        if degraded
        else ""
    )
    return result, notice


def suggest(text):
    terms = fold(text).split()
    if len("".join(terms)) < SUGGEST_MIN_CHARS:
        return []
    documents, _degraded = _run("suggest", terms, SUGGEST_LIMIT)
    return documents


def highlights(document, query, stage="typed"):
    """Title and summary with the buyer's words marked, as they matched at the stage that
    answered; the summary is the part of the description where they occur."""
    words = matching.words(query)
    summary, body = document.get("summary", ""), document.get("body", "")
    return {
        "title": highlight(document["title"], words, stage),
        "summary": snippet(summary, body, words, stage),
    }


def facet_values(result, query, params=None):
    """For each declared facet: its label and values with count, selected flag and, given
    the request's parameters, the link that selects or deselects it (dropping the page)."""
    base = {k: v for k, v in params.lists() if k != "page"} if params is not None else None
    facets = []
    for facet in FACETS:
        counts = result.facets.get(facet.field, {})
        chosen = query.filters.get(facet.field)
        values = []
        for value, label in query.options[facet.field].items():
            if not (counts.get(value) or value == chosen):
                continue
            item = {
                "value": value,
                "label": str(label),
                "count": counts.get(value, 0),
                "selected": value == chosen,
            }
            if base is not None:
                link = {k: v for k, v in base.items() if k != facet.field}
                if value != chosen:
                    link[facet.field] = [value]
                item["url"] = "?" + urlencode(link, doseq=True)
            values.append(item)
        if facet.order == "count":
            values.sort(key=lambda v: (-v["count"], v["label"]))
        facets.append({"field": facet.field, "label": str(facet.label), "values": values})
    return facets
