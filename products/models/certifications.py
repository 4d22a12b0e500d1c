"""Certifications: one record per recognition, so "provincial 2016, regional 2017" is two."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from catalog.base.years import year_validators


class CertificationScheme(models.TextChoices):
    CNNT = "cnnt", _("Typical rural industrial product (CNNT)")
    OCOP = "ocop", _("OCOP")
    OTHER = "other", _("Other")


class CertificationLevel(models.TextChoices):
    """Ordered from the narrowest recognition to the widest."""

    PROVINCIAL = "provincial", _("Provincial")
    REGIONAL = "regional", _("Northern region")
    NATIONAL = "national", _("National")


LEVEL_RANK = {level: rank for rank, level in enumerate(CertificationLevel.values)}


class Certification(Orderable):
    """A recognition granted by the centre or a ministry; only editors record these."""

    product = ParentalKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="certifications"
    )
    scheme = models.CharField(
        _("scheme"), max_length=10, choices=CertificationScheme.choices, default="cnnt"
    )
    level = models.CharField(_("level"), max_length=12, choices=CertificationLevel.choices)
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators())
    decision_number = models.CharField(_("decision number"), max_length=80, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP stars"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
        help_text=_("Only for the OCOP scheme: 3, 4 or 5 stars."),
    )
    prize_rank = models.CharField(
        _("prize rank"),
        max_length=80,
        blank=True,
        help_text=_("For example: Giải Nhì (second prize)."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("decision document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("scheme"), FieldPanel("level"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("issuing_body")]),
        FieldRowPanel([FieldPanel("issued_on"), FieldPanel("expires_on")]),
        FieldRowPanel([FieldPanel("ocop_stars"), FieldPanel("prize_rank")]),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        # The centre's staff hold it: it shows the registration panels (certifications,
        # trademark, legal form, district) and lets them invite and remove producer accounts.
        permissions = [
            ("manage_registration", "Can change registration data and certifications"),
        ]

    def __str__(self):
        return f"{self.get_scheme_display()} · {self.get_level_display()} {self.year}"

    def clean(self):
        errors = {}
        if self.scheme == CertificationScheme.OCOP and not self.ocop_stars:
            errors["ocop_stars"] = _("An OCOP certification needs its number of stars.")
        if self.scheme != CertificationScheme.OCOP and self.ocop_stars:
            errors["ocop_stars"] = _("Stars apply only to the OCOP scheme.")
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            errors["expires_on"] = _("The expiry date must come after the issue date.")
        if errors:
            raise ValidationError(errors)
