"""The read-only JSON API's shared parts: the error contract, pagination, page references.

The error contract, the same on every endpoint:
- 422 `{"detail": [{"type", "loc": ["query", name], "msg"}]}`: a malformed parameter (not a
  number, out of range, not one of the choices, not a slug, too long); ninja answers it from
  the listing's declared filters (`catalog.base.filters`);
- 400 `{"detail": "Unknown category: 'x'."}`: a well-formed value that names nothing;
- 404 `{"detail": "..."}`: no such item, or a page past the last one.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError

from .filters import MAX_ID, Unknown
from .models import in_one_order


class Error(Schema):
    detail: str


class ValidationIssue(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrors(Schema):
    detail: list[ValidationIssue]


# The error answers each kind of endpoint may give, for its `response=` (and so the schema).
LIST_ERRORS = {400: Error, 404: Error, 422: ValidationErrors}
DETAIL_ERRORS = {404: Error}
TEXT_ERRORS = {422: ValidationErrors}


class CatalogAPI(NinjaAPI):
    """The API, whose schema says what every filter already does: an empty value is the
    same as leaving the parameter out (`catalog.base.filters.Filter.clean`)."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for parameter in operation.get("parameters", []):
                    if parameter["in"] == "query":
                        parameter["allowEmptyValue"] = True
        return schema


def no_such_endpoint(request, rest=""):
    """Any other path under the API (e.g. /api/v1/products/abc, which no route matches) is a
    JSON 404 in the contract's shape, not the site's HTML page."""
    return JsonResponse({"detail": "No such endpoint."}, status=404)


def resolved(filterset, params):
    """The listing's values with the rows they name; a value that names nothing is a 400."""
    try:
        return filterset.resolve(params.dict())
    except Unknown as error:
        raise HttpError(400, str(error)) from None


def past_the_end(page, count):
    return HttpError(404, f"Page {page} is past the last page of {count} items.")


def paginated(items, params, serialize):
    """{"count", "results"} for one page; a page past the end is a 404 that says so."""
    items = in_one_order(items)
    count = items.count()
    start = (params.page - 1) * params.page_size
    if params.page > 1 and start >= count:
        raise past_the_end(params.page, count)
    return {
        "count": count,
        "results": [serialize(i) for i in items[start : start + params.page_size]],
    }


def page_path(page, request):
    """The public page's absolute path, e.g. /nha-san-xuat/hop-tac-xa-a/."""
    return page.get_url(request=request)


def not_found(pk):
    return HttpError(404, f"No published item with id {pk}.")


def get_live(queryset, pk):
    """A live, public page by id; drafts and private pages are simply not found."""
    if not 1 <= pk <= MAX_ID:  # the database cannot even compare a larger number
        raise not_found(pk)
    try:
        return get_object_or_404(queryset.live().public(), pk=pk)
    except Http404:
        raise not_found(pk) from None


class PageRef(Schema):
    id: int
    title: str
    url: str | None


def page_ref(page, request):
    return {"id": page.pk, "title": page.title, "url": page_path(page, request)}
