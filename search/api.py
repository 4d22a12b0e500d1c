"""/api/v1/search and /api/v1/suggest: the same contract on every backend."""

from ninja import Router
from ninja.errors import HttpError
from pydantic import BaseModel

from . import service
from .query import MAX_QUERY_LENGTH, parse

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


class SearchResponse(BaseModel):
    count: int
    backend: str
    notice: str
    results: list[SearchHit]
    facets: dict[str, list[FacetValue]]


class Suggestion(BaseModel):
    text: str
    url: str | None
    kind: str


class SuggestResponse(BaseModel):
    suggestions: list[Suggestion]


@router.get("/search", response=SearchResponse, summary="Search published products")
def search(request):
    """Parameters: q, category, level, year, district, producer_type, has_trademark (yes/no),
    sort (relevance, newest, name), page, page_size (1 to 100)."""
    raw = request.GET
    if len(raw.get("q", "")) > MAX_QUERY_LENGTH:
        raise HttpError(400, f"q is longer than {MAX_QUERY_LENGTH} characters.")
    query = parse(raw, page_size=20, kinds=("product",))
    if query.problems:
        raise HttpError(400, " ".join(query.problems))
    result, notice = service.search(query)
    return {
        "count": result.count,
        "backend": result.backend,
        "notice": notice,
        "results": [
            {**doc["payload"], "highlight": service.highlights(doc, query)} for doc in result.hits
        ],
        "facets": {
            facet["field"]: facet["values"] for facet in service.facet_values(result, query)
        },
    }


@router.get("/suggest", response=SuggestResponse, summary="Suggestions as the buyer types")
def suggest(request, q: str = ""):
    if len(q) > MAX_QUERY_LENGTH:
        raise HttpError(400, f"q is longer than {MAX_QUERY_LENGTH} characters.")
    return {
        "suggestions": [
            {"text": doc["title"], "url": doc["payload"]["url"], "kind": doc["kind"]}
            for doc in service.suggest(q)
        ]
    }
