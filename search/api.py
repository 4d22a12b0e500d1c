"""/api/v1/search and /api/v1/suggest: the same contract on every backend."""

from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import BaseModel

from catalog.base.api import LIST_ERRORS, TEXT_ERRORS, past_the_end, resolved
from products.badges import refreshed

from . import service
from .query import RESULT_WINDOW, SEARCH_FILTERS, SUGGEST_FILTERS, build, reachable

router = Router(tags=["search"])

# The answers are built as plain dicts, so plain pydantic models check them: ninja's Schema
# would wrap every nested dict in its ORM attribute getter, a few milliseconds per page.


class FacetValue(BaseModel):
    value: str
    label: str
    count: int
    selected: bool


class SearchHit(BaseModel):
    id: int
    title: str
    url: str | None
    producer: dict
    category: dict
    certifications: list[dict]
    highlight: dict


class ProducerHit(BaseModel):
    """A producer among the results (kind=producer)."""

    id: int
    title: str
    url: str | None
    legal_form: str
    district: dict
    highlight: dict


class SearchResponse(BaseModel):
    count: int
    backend: str
    notice: str
    match: str  # "all": every word typed matched; "any": none had them all, these have some
    results: list[SearchHit | ProducerHit]
    facets: dict[str, list[FacetValue]]


class Suggestion(BaseModel):
    text: str
    url: str | None
    kind: str


class SuggestResponse(BaseModel):
    suggestions: list[Suggestion]


def past_the_window(page, count):
    """The 404 of a page past the last one, which for a large result is the last page
    within RESULT_WINDOW."""
    if count <= RESULT_WINDOW:
        return past_the_end(page, count)
    return HttpError(
        404,
        f"Page {page} is past the last page search can show: the first {RESULT_WINDOW:,} of "
        f"{count} results. Narrow the search.",
    )


SearchFilters = SEARCH_FILTERS.schema()
SuggestFilters = SUGGEST_FILTERS.schema()


@router.get(
    "/search",
    response={200: SearchResponse, **LIST_ERRORS},
    summary="Search published products",
)
def search(request, params: Query[SearchFilters]):
    query = build(resolved(SEARCH_FILTERS, params), kind="product")
    result, notice = service.search(query)
    if query.page > 1 and query.offset >= reachable(result.count):
        raise past_the_window(query.page, result.count)
    return {
        "count": result.count,
        "backend": result.backend,
        "notice": notice,
        "match": result.match,
        "results": [
            {
                **doc["payload"],
                "certifications": refreshed(doc["payload"].get("certifications", [])),
                "highlight": service.highlights(doc, query, result.stage),
            }
            for doc in result.hits
        ],
        "facets": {
            facet["field"]: facet["values"] for facet in service.facet_values(result, query)
        },
    }


@router.get(
    "/suggest",
    response={200: SuggestResponse, **TEXT_ERRORS},
    summary="Suggestions as the buyer types",
)
def suggest(request, params: Query[SuggestFilters]):
    return {
        "suggestions": [
            {"text": doc["title"], "url": doc["payload"]["url"], "kind": doc["kind"]}
            for doc in service.suggest(params.q)
        ]
    }
