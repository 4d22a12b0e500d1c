"""Producers (cơ sở công nghiệp nông thôn): one page each, listed under a producers index."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from catalog.base.blocks import BodyStreamBlock
from catalog.base.models import BasePage, CaptionedImage, SectionPage, paginate

from ..panels import REGISTRATION_PERMISSION, RegistrationGuardedPageForm
from .taxonomy import District


class LegalForm(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    COOPERATIVE = "cooperative", _("Cooperative")
    HOUSEHOLD = "household", _("Household business")
    CRAFT_VILLAGE = "craft_village", _("Craft village")


class ProducerIndexPage(SectionPage):
    """The list of producers, filterable by district and legal form."""

    per_page = 24
    subpage_types = ["products.ProducerPage"]

    class Meta:
        verbose_name = _("producers index")

    def producers(self):
        return (
            ProducerPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("district", "logo")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from ..filters import PRODUCER_FILTERS  # the filters module imports the models

        context = super().get_context(request, *args, **kwargs)
        producers = self.producers()
        # The API's declaration, read forgivingly: a bad or unknown value is ignored.
        filters, _problems = PRODUCER_FILTERS.read(request.GET, names=("district", "legal_form"))
        if filters.district:
            producers = producers.filter(district_id__in=filters.district.with_merged_ids())
        if filters.legal_form:
            producers = producers.filter(legal_form=filters.legal_form)
        context.update(
            producers=paginate(request, producers, self.per_page),
            districts=District.objects.filter(producers__live=True).distinct(),
            legal_forms=list(PRODUCER_FILTERS["legal_form"].choices().items()),
            selected_district=filters.district,
            selected_legal_form=filters.legal_form or "",
        )
        return context


class ProducerPage(BasePage):
    """A producer's showcase: who they are, where, how to reach them; its products live below."""

    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices)
    address = models.TextField(
        _("address"),
        blank=True,
        help_text=_("As written in the source record, even if units were renamed."),
    )
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="producers"
    )
    craft_village = models.ForeignKey(
        "products.CraftVillage",
        verbose_name=_("craft village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="producers",
    )
    representative = models.CharField(_("representative"), max_length=120, blank=True)
    established_year = models.PositiveSmallIntegerField(_("established in"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story = StreamField(BodyStreamBlock(), verbose_name=_("story"), blank=True)

    parent_page_types = ["products.ProducerIndexPage"]
    subpage_types = ["products.ProductPage"]

    # Recorded by the centre; producers neither see nor change them (see products.panels).
    registration_fields = ("legal_form", "district", "craft_village")
    base_form_class = RegistrationGuardedPageForm

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("legal_form", permission=REGISTRATION_PERMISSION),
                FieldPanel("district", permission=REGISTRATION_PERMISSION),
                FieldPanel("craft_village", permission=REGISTRATION_PERMISSION),
            ],
            heading=_("Registration"),
            permission=REGISTRATION_PERMISSION,
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("representative"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Contacts"),
        ),
        FieldPanel("established_year"),
        FieldPanel("logo"),
        FieldPanel("story"),
        InlinePanel("gallery_images", label=_("Gallery")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("address"),
        index.SearchField("story"),
        index.FilterField("legal_form"),
        index.FilterField("district"),
    ]

    class Meta:
        verbose_name = _("producer")
        verbose_name_plural = _("producers")

    def products(self):
        """This producer's products that buyers may see (products define `browsable`)."""
        return self.product_pages.browsable().order_by("title")


class ProducerGalleryImage(CaptionedImage):
    page = ParentalKey(ProducerPage, on_delete=models.CASCADE, related_name="gallery_images")
