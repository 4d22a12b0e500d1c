"""The search facets: the kind of result (products or producers), then the product filters
declared as facets (products.filters.PRODUCT_FACETS), each with its display order. The URL
parameter, label, accepted values and the values a buyer may choose come from the filter's
declaration; filters, counts and links derive from these."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from catalog.base.filters import ChoiceFilter, Filter
from products.filters import DISTRICT, PRODUCT_FACETS

KIND = ChoiceFilter(
    name="kind",
    label=_("Show"),
    description="product: products only; producer: producers only.",
    options=(("product", _("Products")), ("producer", _("Producers"))),
)


@dataclass(frozen=True)
class Facet:
    filter: Filter
    order: str = "declared"  # "declared": as options() lists them; "count": most first

    @property
    def field(self):
        """The document field and the URL parameter."""
        return self.filter.name

    @property
    def label(self):
        return self.filter.label

    def options(self):
        """{value: label} of every value a buyer may select, in display order."""
        return self.filter.choices()


ORDERS = {DISTRICT.name: "count"}
FACETS = tuple(Facet(f, order=ORDERS.get(f.name, "declared")) for f in (KIND, *PRODUCT_FACETS))
FACET_FIELDS = tuple(f.field for f in FACETS)


def count_groups(selected):
    """[(facets, the selected facets whose filters apply to their counts)]. A facet's counts
    ignore its own selection, so the facets nobody selected share every selected filter and
    each selected facet is counted under the others; every backend counts group by group."""
    groups = {}
    for name in FACET_FIELDS:
        groups.setdefault(tuple(other for other in selected if other != name), []).append(name)
    return [(names, others) for others, names in groups.items()]
