"""Certifications: one record per recognition, so "provincial 2016, regional 2017" is two."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from catalog.base.years import year_validators

from ..recognition import RecognitionState, new_code, state_of


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
    code = models.CharField(
        _("verification code"),
        max_length=16,
        unique=True,
        default=new_code,
        editable=False,
        help_text=_("The random code of the public verification page and its QR code."),
    )
    revoked_on = models.DateField(
        _("revoked on"),
        null=True,
        blank=True,
        help_text=_("Set only when the recognition is withdrawn; the record stays in the history."),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    changed_at = models.DateTimeField(_("last changed"), null=True, editable=False)
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
        FieldRowPanel([FieldPanel("revoked_on"), FieldPanel("revocation_reason")]),
    ]

    # What a buyer reads on the verification page; a change to any of them is "a change".
    FACT_FIELDS = (
        "scheme",
        "level",
        "year",
        "decision_number",
        "issuing_body",
        "issued_on",
        "expires_on",
        "ocop_stars",
        "prize_rank",
        "document_id",
        "revoked_on",
        "revocation_reason",
    )

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
        if self.revoked_on and not self.revocation_reason.strip():
            errors["revocation_reason"] = _("Say why the recognition is revoked.")
        if self.revocation_reason.strip() and not self.revoked_on:
            errors["revoked_on"] = _("A reason needs the date of the revocation.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Keep the code the row was given, whatever a revision or a copy carries: a page
        published from an older revision, or copied, must not change or duplicate it."""
        stored = (
            Certification.objects.filter(pk=self.pk).values(*self.FACT_FIELDS, "code").first()
            if self.pk
            else None
        )
        if stored:
            self.code = stored["code"]
        else:
            while not self.code or Certification.objects.filter(code=self.code).exists():
                self.code = new_code()
        facts = {name: getattr(self, name) for name in self.FACT_FIELDS}
        if stored is None or any(stored[name] != value for name, value in facts.items()):
            self.changed_at = timezone.now()
        super().save(*args, **kwargs)

    def state(self, today=None):
        return state_of(self.expires_on, self.revoked_on, today)

    @property
    def is_revoked(self):
        return self.state() == RecognitionState.REVOKED

    def verification_path(self):
        return reverse("verify", args=[self.code])

    def facts(self):
        """What cards, the API and the search payload carry: facts only, so that the state
        and the words are worked out when shown (an expiry passes without a re-index)."""
        return {
            "scheme": self.scheme,
            "level": self.level,
            "year": self.year,
            "ocop_stars": self.ocop_stars,
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
            "revoked_on": self.revoked_on.isoformat() if self.revoked_on else None,
            "code": self.code,
        }
