"""Producers, products and trademarks in the read-only JSON API."""

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from catalog.base.api import (
    DETAIL_ERRORS,
    LIST_ERRORS,
    PageRef,
    get_live,
    page_ref,
    paginated,
    resolved,
)
from catalog.base.filters import MAX_ID
from catalog.base.text import plain_text

from .badges import api_item
from .filters import PRODUCER_FILTERS, PRODUCT_FILTERS, TRADEMARK_FILTERS
from .models import ProducerPage, ProductPage, Trademark

products_router = Router(tags=["products"])
trademarks_router = Router(tags=["trademarks"])


ProductFilters = PRODUCT_FILTERS.schema()


class CategoryRef(Schema):
    slug: str
    name: str


class CertificationBrief(Schema):
    scheme: str
    scheme_label: str
    level: str
    level_label: str
    year: int
    ocop_stars: int | None
    expires_on: str | None
    revoked_on: str | None
    state: str = Field(description="valid, expired, no_expiry or revoked, as of today")
    state_label: str
    code: str | None
    verification_url: str | None


class CertificationFull(CertificationBrief):
    decision_number: str
    issuing_body: str
    issued_on: str | None
    prize_rank: str


class ProductItem(PageRef):
    producer: PageRef
    category: CategoryRef
    certifications: list[CertificationBrief]


class ProductList(Schema):
    count: int
    results: list[ProductItem]


class TrademarkRef(Schema):
    id: int
    mark: str
    kind: str
    registration_number: str


class ProductDetail(ProductItem):
    intro: str
    description: str
    specifications: dict[str, str]
    tags: list[str]
    images: list[dict]
    trademark: TrademarkRef | None
    certifications: list[CertificationFull]


def product_item(product, request):
    """The list shape, shared with the search API so both describe a product the same way."""
    return {
        **page_ref(product, request),
        "producer": page_ref(product.producer, request),
        "category": {"slug": product.category.slug, "name": product.category.name},
        "certifications": [api_item(c) for c in product.certification_history],
    }


def trademark_ref(trademark):
    return {
        "id": trademark.pk,
        "mark": trademark.mark,
        "kind": trademark.kind,
        "registration_number": trademark.registration_number,
    }


@products_router.get(
    "", response={200: ProductList, **LIST_ERRORS}, summary="List published products"
)
def list_products(request, params: Query[ProductFilters]):
    filters = resolved(PRODUCT_FILTERS, params)
    products = ProductPage.objects.browsable().order_by("title")
    if filters.category:
        products = products.filter(category_id__in=filters.category.descendant_ids())
    if filters.district:
        products = products.filter(producer__district_id__in=filters.district.with_merged_ids())
    if filters.level:
        products = products.filter(certifications__level=filters.level)
    if filters.year:
        products = products.filter(certifications__year=filters.year)
    if filters.producer:
        products = products.filter(producer_id=filters.producer)
    return paginated(products.distinct(), filters, lambda p: product_item(p, request))


@products_router.get(
    "/{int:product_id}",
    response={200: ProductDetail, **DETAIL_ERRORS},
    summary="One published product",
)
def get_product(request, product_id: int):
    product = get_live(ProductPage.objects.browsable(), product_id)
    return {
        **product_item(product, request),
        "intro": product.intro,
        "description": plain_text(product.description),
        "specifications": {name: getattr(product, name) for name in ProductPage.SPEC_FIELDS},
        "tags": sorted(t.name for t in product.tags.all()),
        "images": [
            {
                "url": i.image.get_rendition("max-1200x1200|format-webp").url,
                "alt": i.image.default_alt_text,
            }
            for i in product.images.all()
        ],
        "trademark": trademark_ref(product.trademark) if product.trademark else None,
        "certifications": [
            {
                **api_item(c),
                "decision_number": c.decision_number,
                "issuing_body": c.issuing_body,
                "issued_on": c.issued_on.isoformat() if c.issued_on else None,
                "prize_rank": c.prize_rank,
            }
            for c in product.certification_history
        ],
    }


TrademarkFilters = TRADEMARK_FILTERS.schema()


class TrademarkItem(TrademarkRef):
    url: str | None
    status: str
    owner: PageRef | None
    holder: str


class TrademarkDetail(TrademarkItem):
    application_date: str | None
    registration_date: str | None
    expiry_date: str | None
    nice_classes: list[str]
    description: str
    products: list[PageRef]


class TrademarkList(Schema):
    count: int
    results: list[TrademarkItem]


def trademark_item(trademark, request):
    owner = trademark.owner if trademark.owner and trademark.owner.live else None
    return {
        **trademark_ref(trademark),
        "url": trademark.get_url(request),
        "status": trademark.status,
        "owner": page_ref(owner, request) if owner else None,
        "holder": trademark.holder,
    }


@trademarks_router.get("", response={200: TrademarkList, **LIST_ERRORS}, summary="List trademarks")
def list_trademarks(request, params: Query[TrademarkFilters]):
    filters = resolved(TRADEMARK_FILTERS, params)
    trademarks = Trademark.objects.public().select_related("owner")
    if filters.kind:
        trademarks = trademarks.filter(kind=filters.kind)
    if filters.owner:
        trademarks = trademarks.filter(owner_id=filters.owner)
    return paginated(trademarks, filters, lambda t: trademark_item(t, request))


@trademarks_router.get(
    "/{int:trademark_id}", response={200: TrademarkDetail, **DETAIL_ERRORS}, summary="One trademark"
)
def get_trademark(request, trademark_id: int):
    trademarks = Trademark.objects.public().select_related("owner")
    trademark = trademarks.filter(pk=trademark_id).first() if trademark_id <= MAX_ID else None
    if trademark is None:
        raise HttpError(404, f"No trademark with id {trademark_id}.")
    return {
        **trademark_item(trademark, request),
        **{
            name: getattr(trademark, name).isoformat() if getattr(trademark, name) else None
            for name in ("application_date", "registration_date", "expiry_date")
        },
        "nice_classes": trademark.nice_class_list,
        "description": trademark.description,
        "products": [page_ref(p, request) for p in trademark.products.live().public()],
    }


producers_router = Router(tags=["producers"])


ProducerFilters = PRODUCER_FILTERS.schema()


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


@producers_router.get(
    "", response={200: ProducerList, **LIST_ERRORS}, summary="List published producers"
)
def list_producers(request, params: Query[ProducerFilters]):
    filters = resolved(PRODUCER_FILTERS, params)
    producers = ProducerPage.objects.live().public().select_related("district").order_by("title")
    if filters.district:
        producers = producers.filter(district_id__in=filters.district.with_merged_ids())
    if filters.legal_form:
        producers = producers.filter(legal_form=filters.legal_form)
    return paginated(producers, filters, lambda p: producer_item(p, request))


@producers_router.get(
    "/{int:producer_id}",
    response={200: ProducerDetail, **DETAIL_ERRORS},
    summary="One published producer",
)
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
