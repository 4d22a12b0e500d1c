"""The fairs listing's filters, declared once: the JSON API (fairs.api) takes its parameters
and their validation from FAIR_FILTERS, and the fairs index page (FairIndexPage.fair_list)
reads the same declaration, ignoring what does not parse. The index page also ignores a year
in which no fair started, since it only offers those; the API answers an empty list."""

from django.utils.translation import gettext_lazy as _

from catalog.base.filters import BooleanFilter, ChoiceFilter, FilterSet, IntegerFilter, page_filters
from catalog.base.years import FIRST_YEAR, LAST_YEAR

from .models import Scope

YEAR = IntegerFilter(
    name="year",
    label=_("Year"),
    description=f"Year the fair starts, {FIRST_YEAR} to {LAST_YEAR}.",
    min_value=FIRST_YEAR,
    max_value=LAST_YEAR,
)
SCOPE = ChoiceFilter(
    name="scope", label=_("scope"), description="Scope of the fair.", options=tuple(Scope.choices)
)
UPCOMING = BooleanFilter(
    name="upcoming",
    label=_("Upcoming"),
    description="true: fairs that have not ended yet; false: fairs that have ended.",
)

FAIR_FILTERS = FilterSet("FairFilters", YEAR, SCOPE, UPCOMING, *page_filters())
