"""The read-only JSON API's shared parts (pagination, errors, page URLs) and its producers."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from .models import District, LegalForm, ProducerPage

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


router = Router(tags=["producers"])


class ProducerFilters(PageParams):
    district: str | None = Field(None, description="District slug.")
    legal_form: LegalForm | None = None


class ProducerItem(PageRef):
    legal_form: str
    district: dict
    address: str


class ProducerDetail(ProducerItem):
    intro: str
    craft_village: str | None
    phone: str
    email: str
    website: str
    products: list[PageRef]
    trademarks: list[dict]


class ProducerList(Schema):
    count: int
    results: list[ProducerItem]


def producer_item(producer, request):
    return {
        **page_ref(producer, request),
        "legal_form": producer.legal_form,
        "district": {"slug": producer.district.slug, "name": producer.district.name},
        "address": producer.address,
    }


@router.get("", response=ProducerList, summary="List published producers")
def list_producers(request, filters: Query[ProducerFilters]):
    producers = ProducerPage.objects.live().public().select_related("district").order_by("title")
    district = lookup(District, filters.district, "district")
    if district:
        producers = producers.filter(district_id__in=district.with_merged_ids())
    if filters.legal_form:
        producers = producers.filter(legal_form=filters.legal_form)
    return paginated(producers, filters, lambda p: producer_item(p, request))


@router.get("/{int:producer_id}", response=ProducerDetail, summary="One published producer")
def get_producer(request, producer_id: int):
    producer = get_live(
        ProducerPage.objects.select_related("district", "craft_village"), producer_id
    )
    return {
        **producer_item(producer, request),
        "intro": producer.intro,
        "craft_village": producer.craft_village.name if producer.craft_village else None,
        "phone": producer.phone,
        "email": producer.email,
        "website": producer.website,
        "products": [page_ref(p, request) for p in producer.products()],
        "trademarks": [
            {
                "id": t.pk,
                "mark": t.mark,
                "kind": t.kind,
                "registration_number": t.registration_number,
            }
            for t in producer.trademarks.public()
        ],
    }
