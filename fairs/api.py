"""Fairs and their exhibits in the read-only JSON API."""

import datetime

from ninja import Query, Router, Schema

from catalog.base.api import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    PageRef,
    get_live,
    page_ref,
    paginated,
    resolved,
)

from .filters import FAIR_FILTERS
from .models import FairPage

router = Router(tags=["fairs"])


FairFilters = FAIR_FILTERS.schema()


class FairItem(PageRef):
    start_date: datetime.date
    end_date: datetime.date
    venue: str
    city: str
    country: str
    scope: str
    organiser: str
    programme_supported: bool


class ExhibitItem(Schema):
    producer: PageRef
    booth: str
    products: list[PageRef]


class FairDetail(FairItem):
    intro: str
    ical_url: str
    exhibits: list[ExhibitItem]


class FairList(Schema):
    count: int
    results: list[FairItem]


def fair_item(fair, request):
    return {
        **page_ref(fair, request),
        "start_date": fair.start_date,
        "end_date": fair.end_date,
        "venue": fair.venue,
        "city": fair.city,
        "country": fair.country,
        "scope": fair.scope,
        "organiser": fair.organiser,
        "programme_supported": fair.programme_supported,
    }


@router.get(
    "", response={200: FairList, **LIST_ERRORS}, summary="List published fairs, newest first"
)
def list_fairs(request, params: Query[FairFilters]):
    filters = resolved(FAIR_FILTERS, params)
    fairs = FairPage.objects.live().public().order_by("-start_date", "title")
    if filters.year:
        fairs = fairs.filter(start_date__year=filters.year)
    if filters.scope:
        fairs = fairs.filter(scope=filters.scope)
    if filters.upcoming is not None:
        today = datetime.date.today()
        if filters.upcoming:
            fairs = fairs.filter(end_date__gte=today).order_by("start_date", "title")
        else:
            fairs = fairs.filter(end_date__lt=today)
    return paginated(fairs, filters, lambda f: fair_item(f, request))


@router.get(
    "/{int:fair_id}",
    response={200: FairDetail, **DETAIL_ERRORS},
    summary="One published fair with its exhibits",
)
def get_fair(request, fair_id: int):
    fair = get_live(FairPage.objects.all(), fair_id)
    return {
        **fair_item(fair, request),
        "intro": fair.intro,
        "ical_url": fair.url + fair.reverse_subpage("ical"),
        "exhibits": [
            {
                "producer": page_ref(exhibit.producer, request),
                "booth": exhibit.booth,
                "products": [page_ref(p, request) for p in products],
            }
            for exhibit, products in fair.live_exhibits()
        ],
    }
