"""The search facets, declared once: document field, URL parameter, label, display order and
the values a buyer may choose. Everything else (filters, counts, links) derives from this."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from products.models import Category, CertificationLevel, District, LegalForm


@dataclass(frozen=True)
class Facet:
    field: str
    label: str
    order: str = "declared"  # "declared": as options() lists them; "count": most first

    def options(self):
        """{value: label} of every value a buyer may select, in display order."""
        raise NotImplementedError


class CategoryFacet(Facet):
    def options(self):
        """Each top-level group followed by its sub-categories."""
        categories = list(Category.objects.all())
        children = {}
        for category in categories:
            children.setdefault(category.parent_id, []).append(category)
        ordered = []
        for group in children.get(None, []):
            ordered += [group, *children.get(group.pk, [])]
        return {c.slug: c.name for c in ordered}


class DistrictFacet(Facet):
    def options(self):
        return {d.slug: d.name for d in District.objects.all()}


class ChoicesFacet(Facet):
    def options(self):
        return dict(self.choices)


class LevelFacet(ChoicesFacet):
    choices = CertificationLevel.choices


class ProducerTypeFacet(ChoicesFacet):
    choices = LegalForm.choices


class TrademarkFacet(ChoicesFacet):
    choices = (("yes", _("With a trademark")), ("no", _("Without a trademark")))


class YearFacet(Facet):
    def options(self):
        return {str(year): str(year) for year in range(2100, 1989, -1)}


FACETS = (
    CategoryFacet("category", _("Category")),
    LevelFacet("level", _("Certification level")),
    YearFacet("year", _("Certification year")),
    DistrictFacet("district", _("District"), order="count"),
    ProducerTypeFacet("producer_type", _("Producer type")),
    TrademarkFacet("has_trademark", _("Trademark")),
)
FACET_FIELDS = tuple(f.field for f in FACETS)


def count_groups(selected):
    """[(facets, the selected facets whose filters apply to their counts)]. A facet's counts
    ignore its own selection, so the facets nobody selected share every selected filter and
    each selected facet is counted under the others; every backend counts group by group."""
    groups = {}
    for name in FACET_FIELDS:
        groups.setdefault(tuple(other for other in selected if other != name), []).append(name)
    return [(names, others) for others, names in groups.items()]
