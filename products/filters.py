"""The catalogue's filters, declared once: each facet knows its URL parameter, how to check a
value against what exists, how to filter, and how to count. A facet's counts ignore its own
selection, so a buyer can widen a filter as well as narrow it."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from catalog.models import Category, District

from .models import Certification, CertificationLevel


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


class Facet:
    """One filter of the catalogue. Subclasses say which values exist and how to apply one."""

    param = ""
    label = ""

    def options(self):
        """(value, label) pairs that may be selected, in display order."""
        raise NotImplementedError

    def apply(self, products, value):
        raise NotImplementedError

    def counts(self, products):
        """{value: number of products} over the given products."""
        raise NotImplementedError


class CategoryFacet(Facet):
    param, label = "category", _("Category")

    def options(self):
        return [(c.slug, str(c)) for c in Category.objects.select_related("parent")]

    def apply(self, products, value):
        category = Category.objects.get(slug=value)
        return products.filter(category_id__in=category.descendant_ids())

    def counts(self, products):
        direct = dict(
            products.order_by()
            .values("category__slug")
            .annotate(n=Count("pk"))
            .values_list("category__slug", "n")
        )
        totals = dict(direct)
        for category in Category.objects.select_related("parent").filter(parent__isnull=False):
            if category.parent and direct.get(category.slug):
                totals[category.parent.slug] = (
                    totals.get(category.parent.slug, 0) + direct[category.slug]
                )
        return totals


class CertificationFacet(Facet):
    field = ""

    def apply(self, products, value):
        return products.filter(**{f"certifications__{self.field}": value}).distinct()

    def counts(self, products):
        rows = (
            Certification.objects.filter(product__in=products.values("pk"))
            .values(self.field)
            .annotate(n=Count("product", distinct=True))
        )
        return {str(row[self.field]): row["n"] for row in rows}


class LevelFacet(CertificationFacet):
    param, label, field = "level", _("Certification level"), "level"

    def options(self):
        return CertificationLevel.choices


class YearFacet(CertificationFacet):
    param, label, field = "year", _("Certification year"), "year"

    def options(self):
        years = Certification.objects.values_list("year", flat=True).distinct().order_by("-year")
        return [(str(y), str(y)) for y in years]


class DistrictFacet(Facet):
    param, label = "district", _("District")

    def options(self):
        return [(d.slug, str(d)) for d in District.objects.all()]

    def apply(self, products, value):
        district = District.objects.get(slug=value)
        return products.filter(producer__district_id__in=district.with_merged_ids())

    def counts(self, products):
        rows = products.order_by().values("producer__district__slug").annotate(n=Count("pk"))
        return {row["producer__district__slug"]: row["n"] for row in rows}


FACETS = (CategoryFacet(), LevelFacet(), YearFacet(), DistrictFacet())


class CatalogueFilter:
    """The buyer's selection, checked against the whitelist of existing values; anything
    else in the query string is ignored rather than passed to a query."""

    def __init__(self, params, products):
        self.params = params
        self.products = products
        self.options = {facet.param: facet.options() for facet in FACETS}
        self.selected = {}
        for facet in FACETS:
            value = params.get(facet.param, "")
            if value and value in {v for v, _label in self.options[facet.param]}:
                self.selected[facet.param] = value

    def results(self, *, ignoring=None):
        products = self.products
        for facet in FACETS:
            if facet.param in self.selected and facet.param != ignoring:
                products = facet.apply(products, self.selected[facet.param])
        return products

    def facets(self):
        """Each facet with its values: label, count, whether selected, and the link that
        selects or deselects it (always back to the first page)."""
        return [
            {"param": facet.param, "label": facet.label, "values": self._values(facet)}
            for facet in FACETS
        ]

    def _values(self, facet):
        counts = facet.counts(self.results(ignoring=facet.param))
        values = []
        for value, label in self.options[facet.param]:
            selected = self.selected.get(facet.param) == value
            if counts.get(value) or selected:
                values.append(
                    FacetValue(
                        value,
                        label,
                        counts.get(value, 0),
                        selected,
                        self._url(facet, value, selected),
                    )
                )
        return values

    def _url(self, facet, value, selected):
        query = self.params.copy()
        query.pop("page", None)
        if selected:
            query.pop(facet.param, None)
        else:
            query[facet.param] = value
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def active(self):
        """Selected filters as (facet label, value label, deselect URL), for the chips."""
        chips = []
        for facet in FACETS:
            if facet.param in self.selected:
                value = self.selected[facet.param]
                label = dict(self.options[facet.param]).get(value, value)
                chips.append((facet.label, label, self._url(facet, value, True)))
        return chips
