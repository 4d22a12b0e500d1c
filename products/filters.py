"""The filters of the product, producer and trademark listings, declared once.

The JSON API's parameters and their validation (products.api), the producers index page
(ProducerIndexPage.get_context) and the search facets (search.facets: the filters in
PRODUCT_FACETS) all follow from these declarations. The rules that differ by consumer are
stated here once: a malformed value is a 422 in the API and ignored by the HTML pages; a
slug or id that names nothing is a 400 in the API and ignored by the HTML pages.
"""

from django.utils.translation import gettext_lazy as _

from catalog.base.filters import (
    ChoiceFilter,
    FilterSet,
    IdFilter,
    IntegerFilter,
    SlugFilter,
    page_filters,
)
from catalog.base.years import FIRST_YEAR, LAST_YEAR, years_newest_first

from .models import Category, CertificationLevel, District, LegalForm, ProducerPage, Trademark


def category_choices():
    """Each top-level group followed by its sub-categories."""
    categories = list(Category.objects.all())
    children = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    ordered = []
    for group in children.get(None, []):
        ordered += [group, *children.get(group.pk, [])]
    return {c.slug: c.name for c in ordered}


def district_choices():
    return {d.slug: d.name for d in District.objects.all()}


def year_choices():
    return {str(year): str(year) for year in years_newest_first()}


def published_producer(pk):
    return ProducerPage.objects.live().public().filter(pk=pk).exists()


CATEGORY = SlugFilter(
    name="category",
    label=_("Category"),
    description="Category slug (includes sub-categories).",
    lookup=lambda slug: Category.objects.filter(slug=slug).first(),
    choices_provider=category_choices,
)
LEVEL = ChoiceFilter(
    name="level",
    label=_("Certification level"),
    description="Certification level.",
    options=tuple(CertificationLevel.choices),
)
YEAR = IntegerFilter(
    name="year",
    label=_("Certification year"),
    description=f"Certification year, {FIRST_YEAR} to {LAST_YEAR}.",
    min_value=FIRST_YEAR,
    max_value=LAST_YEAR,
    choices_provider=year_choices,
)
DISTRICT = SlugFilter(
    name="district",
    label=_("District"),
    description="District slug (of the producer).",
    lookup=lambda slug: District.objects.filter(slug=slug).first(),
    choices_provider=district_choices,
)
PRODUCER = IdFilter(
    name="producer",
    label=_("producer"),
    description="Producer page id.",
    exists=published_producer,
)
PRODUCER_TYPE = ChoiceFilter(
    name="producer_type",
    label=_("Producer type"),
    description="The producer's legal form.",
    options=tuple(LegalForm.choices),
)
HAS_TRADEMARK = ChoiceFilter(
    name="has_trademark",
    label=_("Trademark"),
    description="yes: products with a trademark; no: without.",
    options=(("yes", _("With a trademark")), ("no", _("Without a trademark"))),
)
LEGAL_FORM = ChoiceFilter(
    name="legal_form",
    label=_("legal form"),
    description="The producer's legal form.",
    options=tuple(LegalForm.choices),
)
TRADEMARK_KIND = ChoiceFilter(
    name="kind", label=_("kind"), description="Kind of mark.", options=tuple(Trademark.Kind.choices)
)
OWNER = IdFilter(
    name="owner",
    label=_("owner"),
    description="Owner producer page id.",
    exists=published_producer,
)

# The product attributes a search narrows by, in the order the search page shows them.
PRODUCT_FACETS = (CATEGORY, LEVEL, YEAR, DISTRICT, PRODUCER_TYPE, HAS_TRADEMARK)

PRODUCT_FILTERS = FilterSet(
    "ProductFilters", CATEGORY, LEVEL, YEAR, DISTRICT, PRODUCER, *page_filters()
)
PRODUCER_FILTERS = FilterSet("ProducerFilters", DISTRICT, LEGAL_FORM, *page_filters())
TRADEMARK_FILTERS = FilterSet("TrademarkFilters", TRADEMARK_KIND, OWNER, *page_filters())
