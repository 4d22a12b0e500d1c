"""The read-only JSON API's shared parts: pagination, errors, page references."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Schema
from ninja.errors import HttpError

MAX_PAGE_SIZE = 100


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="Items per page, 1 to 100.")


def paginated(items, params, serialize):
    """{"count", "results"} for one page; a page past the end is a 404 that says so."""
    count = items.count()
    start = (params.page - 1) * params.page_size
    if params.page > 1 and start >= count:
        raise HttpError(404, f"Page {params.page} is past the last page of {count} items.")
    return {
        "count": count,
        "results": [serialize(i) for i in items[start : start + params.page_size]],
    }


def page_path(page, request):
    """The public page's absolute path, e.g. /nha-san-xuat/hop-tac-xa-a/."""
    return page.get_url(request=request)


def lookup(model, slug, name):
    """The row a filter names, or a 400 that names the unknown value."""
    if slug is None:
        return None
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        raise HttpError(400, f"Unknown {name}: {slug!r}.")
    return obj


def get_live(queryset, pk):
    """A live, public page by id; drafts and private pages are simply not found."""
    try:
        return get_object_or_404(queryset.live().public(), pk=pk)
    except Http404:
        raise HttpError(404, f"No published item with id {pk}.") from None


class PageRef(Schema):
    id: int
    title: str
    url: str | None


def page_ref(page, request):
    return {"id": page.pk, "title": page.title, "url": page_path(page, request)}
