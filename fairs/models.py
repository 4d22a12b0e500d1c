"""Trade fairs (hội chợ triển lãm) and the producers' exhibits (gian hàng) at them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from catalog.base.blocks import BodyStreamBlock
from catalog.base.forms import BasePageForm
from catalog.base.models import BasePage, CaptionedImage, SectionPage, paginate
from products.models import ProducerPage, ProductPage

from .ical import calendar_bytes


class Scope(models.TextChoices):
    PROVINCIAL = "provincial", _("Provincial")
    NATIONAL = "national", _("National")
    INTERNATIONAL = "international", _("International")


def foreign_products_error(producer, products):
    """The error for products that are not the producer's own, or None."""
    foreign = [p.title for p in products if p.producer_id != producer.pk]
    if not foreign:
        return None
    return _("These products belong to another producer: %(titles)s.") % {
        "titles": ", ".join(foreign)
    }


class FairPageForm(BasePageForm):
    """Puts the "products of another producer" error next to the exhibit's products field.
    The check runs after the exhibit forms are cleaned, when their products are known."""

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("exhibits")
        for form in formset.forms if formset is not None else []:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("producer") or "products" in form.errors:
                continue
            error = foreign_products_error(data["producer"], data.get("products") or [])
            if error:
                form.add_error("products", error)
                valid = False
        return valid


class FairIndexPage(RoutablePageMixin, SectionPage):
    """Upcoming and past fairs, filterable by year and scope, with a calendar of upcoming ones."""

    per_page = 12
    subpage_types = ["fairs.FairPage"]

    class Meta:
        verbose_name = _("fairs index")

    def fairs(self):
        return FairPage.objects.live().public().descendant_of(self)

    @path("")
    def fair_list(self, request):
        today = datetime.date.today()
        fairs = self.fairs()
        from .filters import FAIR_FILTERS  # the filters module imports the models

        years = sorted({d.year for d in fairs.values_list("start_date", flat=True)}, reverse=True)
        # The API's declaration, read forgivingly: a bad value is ignored, and so is a year
        # in which no fair started (the page offers only those).
        filters, _problems = FAIR_FILTERS.read(request.GET, names=("year", "scope"))
        year = filters.year if filters.year in years else None
        if year:
            fairs = fairs.filter(start_date__year=year)
        if filters.scope:
            fairs = fairs.filter(scope=filters.scope)
        upcoming = fairs.filter(end_date__gte=today).order_by("start_date")
        past = fairs.filter(end_date__lt=today).order_by("-start_date")
        return self.render(
            request,
            context_overrides={
                "upcoming": upcoming,
                "past": paginate(request, past, self.per_page),
                "years": years,
                "scopes": list(FAIR_FILTERS["scope"].choices().items()),
                "selected_year": str(year) if year else "",
                "selected_scope": filters.scope or "",
            },
        )

    @path("lich/", name="ical")
    def ical(self, request):
        fairs = self.fairs().filter(end_date__gte=datetime.date.today()).order_by("start_date")
        body = calendar_bytes(fairs, request, name=self.title)
        return ical_response(body, "hoi-cho-sap-dien-ra.ics")


def ical_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class FairPage(RoutablePageMixin, BasePage):
    """One fair: when and where, who organised it, and which producers exhibited what."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    venue = models.CharField(_("venue"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, default="Việt Nam")
    scope = models.CharField(_("scope"), max_length=15, choices=Scope.choices)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    programme_supported = models.BooleanField(
        _("supported by the extension programme"),
        default=False,
        help_text=_("The extension programme paid for the producers' participation."),
    )
    description = StreamField(BodyStreamBlock(), verbose_name=_("description"), blank=True)

    base_form_class = FairPageForm
    parent_page_types = ["fairs.FairIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("scope"), FieldPanel("organiser")]),
                FieldPanel("programme_supported"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("description"),
        InlinePanel("exhibits", label=_("Exhibits")),
        InlinePanel("gallery_images", label=_("Gallery")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue"),
        index.SearchField("city"),
        index.FilterField("scope"),
        index.FilterField("start_date"),
    ]

    class Meta:
        verbose_name = _("fair")
        verbose_name_plural = _("fairs")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A fair cannot end before it starts.")})

    @property
    def is_upcoming(self):
        return self.end_date >= datetime.date.today()

    def live_exhibits(self):
        """Exhibits of producers buyers may see, with only their live products."""
        exhibits = (
            self.exhibits.filter(producer__live=True)
            .select_related("producer", "producer__district")
            .prefetch_related("products")
        )
        return [(exhibit, [p for p in exhibit.products.all() if p.live]) for exhibit in exhibits]

    @path("lich/", name="ical")
    def ical(self, request):
        return ical_response(calendar_bytes([self], request, name=self.title), f"{self.slug}.ics")


class Exhibit(ClusterableModel, Orderable):
    """A producer's booth at a fair and the products it showed there."""

    fair = ParentalKey(FairPage, on_delete=models.CASCADE, related_name="exhibits")
    producer = models.ForeignKey(
        ProducerPage, verbose_name=_("producer"), on_delete=models.CASCADE, related_name="exhibits"
    )
    booth = models.CharField(_("booth number"), max_length=30, blank=True)
    products = ParentalManyToManyField(
        ProductPage,
        verbose_name=_("products shown"),
        blank=True,
        related_name="exhibits",
        help_text=_("Only this producer's own products."),
    )

    panels = [FieldRowPanel([FieldPanel("producer"), FieldPanel("booth")]), FieldPanel("products")]

    class Meta(Orderable.Meta):
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")

    def __str__(self):
        return f"{self.producer} @ {self.fair}"

    def clean(self):
        if not self.producer_id:
            return
        error = foreign_products_error(self.producer, self.products.all())
        if error:
            raise ValidationError({"products": error})


class FairGalleryImage(CaptionedImage):
    page = ParentalKey(FairPage, on_delete=models.CASCADE, related_name="gallery_images")
