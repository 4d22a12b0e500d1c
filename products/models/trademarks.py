"""Registered trademarks (nhãn hiệu hàng hoá), kept as snippets and shown on public pages."""

from django.core.validators import RegexValidator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.search import index

from catalog.base.models import SectionPage, paginate

from .taxonomy import SlugFromName

nice_classes_validator = RegexValidator(
    r"^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$",
    _("Enter Nice class numbers separated by commas, for example: 29, 30."),
)


class TrademarkQuerySet(models.QuerySet):
    def public(self):
        """Trademarks worth showing buyers: anything but a withdrawn application."""
        return self.exclude(status=Trademark.Status.WITHDRAWN)


class Trademark(index.Indexed, SlugFromName):
    """A mark registered with the IP office. Collective marks and geographical indications
    belong to an association or a commune rather than to one producer, so the owner is
    optional and described in words as well."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary mark")
        COLLECTIVE = "collective", _("Collective mark")
        CERTIFICATION = "certification", _("Certification mark")
        GEOGRAPHICAL = "geographical", _("Geographical indication")

    class Status(models.TextChoices):
        PENDING = "pending", _("Application filed")
        REGISTERED = "registered", _("Registered")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    slug_source = "mark"
    mark = models.CharField(_("mark"), max_length=200)
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices, default=Kind.ORDINARY)
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    application_date = models.DateField(_("application date"), null=True, blank=True)
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    owner = models.ForeignKey(
        "products.ProducerPage",
        verbose_name=_("owner producer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trademarks",
    )
    owner_name = models.CharField(
        _("owner as registered"),
        max_length=200,
        blank=True,
        help_text=_("The holder's name on the certificate, e.g. an association."),
    )
    nice_classes = models.CharField(
        _("Nice classes"), max_length=100, blank=True, validators=[nice_classes_validator]
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED
    )
    description = models.TextField(_("description"), blank=True)

    objects = TrademarkQuerySet.as_manager()

    panels = [
        FieldPanel("mark"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldPanel("registration_number"),
                FieldRowPanel(
                    [
                        FieldPanel("application_date"),
                        FieldPanel("registration_date"),
                        FieldPanel("expiry_date"),
                    ]
                ),
                FieldPanel("nice_classes"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("owner"),
        FieldPanel("owner_name"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("mark"),
        index.AutocompleteField("mark"),
        index.SearchField("registration_number"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["mark"]
        verbose_name = _("trademark")
        verbose_name_plural = _("trademarks")

    def __str__(self):
        return self.mark

    @property
    def nice_class_list(self):
        return [c.strip() for c in self.nice_classes.split(",") if c.strip()]

    @property
    def holder(self):
        return self.owner_name or (self.owner.title if self.owner else "")

    def get_url(self, request=None):
        index_page = TrademarkIndexPage.objects.live().first()
        if index_page is None:
            return None
        return index_page.url + index_page.reverse_subpage("trademark", args=[self.slug])


class TrademarkIndexPage(RoutablePageMixin, SectionPage):
    """Public list and detail pages for trademarks, which are snippets rather than pages."""

    per_page = 24
    subpage_types = []

    class Meta:
        verbose_name = _("trademarks index")

    @path("")
    def trademark_list(self, request):
        trademarks = Trademark.objects.public().select_related("owner", "logo")
        kind = request.GET.get("kind", "")
        if kind in Trademark.Kind.values:
            trademarks = trademarks.filter(kind=kind)
        else:
            kind = ""
        return self.render(
            request,
            context_overrides={
                "trademarks": paginate(request, trademarks, self.per_page),
                "kinds": Trademark.Kind.choices,
                "selected_kind": kind,
            },
        )

    @re_path(r"^(?P<slug>[-\w]+)/$", name="trademark")
    def trademark_detail(self, request, slug):
        trademark = get_object_or_404(Trademark.objects.public(), slug=slug)
        products = trademark.products.browsable().order_by("title")
        return self.render(
            request,
            template="products/trademark_detail.html",
            context_overrides={"trademark": trademark, "products": products},
        )
