"""Shared taxonomy: product categories, districts and craft villages, edited as snippets."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from catalog.base.text import vietnamese_slug


class SlugFromName(models.Model):
    """A unique URL slug made from the row's name (`slug_source`) when an editor leaves it
    empty, spelled as the Vietnamese name without diacritics."""

    slug_source = "name"
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            base = vietnamese_slug(getattr(self, self.slug_source), 80) or "item"
            slug, n = base, 2
            others = type(self).objects.exclude(pk=self.pk)
            while others.filter(slug=slug).exists():
                slug, n = f"{base[:76]}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)


class Category(index.Indexed, SlugFromName):
    """A product category. The top level follows the CNNT groups; editors add sub-categories."""

    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def descendant_ids(self):
        """This category and every category below it, for filtering by a parent group."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                Category.objects.filter(parent__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


class DistrictQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class District(index.Indexed, SlugFromName):
    """An administrative unit (huyện, thị xã, thành phố). Units are reorganised from time to
    time, so a district is retired or merged rather than deleted; addresses keep their text."""

    class Kind(models.TextChoices):
        RURAL = "rural", _("District (huyện)")
        TOWN = "town", _("Town (thị xã)")
        CITY = "city", _("City (thành phố)")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RURAL)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick when the unit is abolished or merged.")
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
        help_text=_("The unit that took over this one's territory."),
    )

    objects = DistrictQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("is_active"),
        FieldPanel("merged_into"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name if self.is_active else _("%(name)s (retired)") % {"name": self.name}

    def save(self, *args, **kwargs):
        if self.merged_into_id:
            self.is_active = False
        super().save(*args, **kwargs)

    def clean(self):
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("A district cannot be merged into itself.")})

    def with_merged_ids(self):
        """This district and every unit merged into it, so filters by the new unit still
        find producers recorded under the old ones."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                District.objects.filter(merged_into__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


class CraftVillage(index.Indexed, SlugFromName):
    """A recognised craft village (làng nghề), which producers may belong to."""

    name = models.CharField(_("name"), max_length=150)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="villages"
    )
    recognition_year = models.PositiveSmallIntegerField(
        _("recognition year"), null=True, blank=True
    )
    recognition_decision = models.CharField(_("recognition decision"), max_length=100, blank=True)
    is_traditional = models.BooleanField(_("traditional craft village"), default=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("commune"),
        FieldPanel("district"),
        FieldPanel("recognition_year"),
        FieldPanel("recognition_decision"),
        FieldPanel("is_traditional"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("commune")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("craft village")
        verbose_name_plural = _("craft villages")

    def __str__(self):
        return self.name
