"""Product pages, each living under its producer's page, and the catalogue that lists them."""

from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from catalog.base.models import BasePage, CaptionedImage, SectionPage

from ..panels import (
    REGISTRATION_PERMISSION,
    PermissionedInlinePanel,
    RegistrationGuardedPageForm,
)
from .certifications import LEVEL_RANK
from .producers import ProducerPage


class ProductPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "products.ProductPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProductPageQuerySet(PageQuerySet):
    def browsable(self):
        """What buyers may see: live, public products, with what their cards need."""
        return (
            self.live()
            .public()
            .select_related("producer", "producer__district", "category", "trademark")
            .prefetch_related("certifications", "images__image")
        )


class ProductPage(BasePage):
    """A certified product. Its producer is the parent page; `producer` mirrors that parent
    so that listings can filter and join on it."""

    producer = models.ForeignKey(
        ProducerPage,
        verbose_name=_("producer"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="product_pages",
    )
    category = models.ForeignKey(
        "products.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="products",
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    ingredients = models.TextField(_("materials or ingredients"), blank=True)
    packaging = models.CharField(_("packaging"), max_length=200, blank=True)
    net_quantity = models.CharField(_("weight or volume"), max_length=100, blank=True)
    shelf_life = models.CharField(_("shelf life"), max_length=100, blank=True)
    production_capacity = models.CharField(_("production capacity"), max_length=150, blank=True)
    minimum_order = models.CharField(_("minimum order"), max_length=100, blank=True)
    trademark = models.ForeignKey(
        "products.Trademark",
        verbose_name=_("trademark"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
    )
    tags = ClusterTaggableManager(through=ProductPageTag, blank=True, verbose_name=_("tags"))

    objects = PageManager.from_queryset(ProductPageQuerySet)()

    parent_page_types = ["products.ProducerPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("category"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("ingredients"),
                FieldPanel("packaging"),
                FieldPanel("net_quantity"),
                FieldPanel("shelf_life"),
                FieldPanel("production_capacity"),
                FieldPanel("minimum_order"),
            ],
            heading=_("Specifications"),
        ),
        InlinePanel("images", label=_("Images")),
        FieldPanel("tags"),
        FieldPanel("trademark", permission=REGISTRATION_PERMISSION),
        PermissionedInlinePanel(
            "certifications", label=_("Certifications"), permission=REGISTRATION_PERMISSION
        ),
    ]
    # Granted or registered by the centre; producers neither see nor change them.
    registration_fields = ("trademark",)
    registration_relations = ("certifications",)
    base_form_class = RegistrationGuardedPageForm
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("ingredients"),
        index.FilterField("category"),
        index.FilterField("producer"),
    ]

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")

    SPEC_FIELDS = (
        "ingredients",
        "packaging",
        "net_quantity",
        "shelf_life",
        "production_capacity",
        "minimum_order",
    )

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None:
            self.producer = ProducerPage.objects.filter(pk=parent.pk).first()
        super().save(*args, **kwargs)

    @property
    def specifications(self):
        """(label, value) pairs of the filled-in specification fields, in display order."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.SPEC_FIELDS
            if getattr(self, name)
        ]

    @property
    def certification_history(self):
        """Newest recognition first; the timeline on the page reads from it."""
        return sorted(
            self.certifications.all(), key=lambda c: (c.year, LEVEL_RANK[c.level]), reverse=True
        )

    @property
    def highest_certification(self):
        certs = list(self.certifications.all())
        return max(certs, key=lambda c: (LEVEL_RANK[c.level], c.year)) if certs else None

    @property
    def main_image(self):
        first = next(iter(self.images.all()), None)
        return first.image if first else None

    def related_products(self, limit=4):
        """Other products in the same category, to keep a buyer browsing."""
        return (
            ProductPage.objects.browsable()
            .filter(category=self.category)
            .exclude(pk=self.pk)
            .order_by("title")[:limit]
        )


class ProductImage(CaptionedImage):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="images")


class ProductIndexPage(SectionPage):
    """The catalogue's place in the page tree. Browsing and filtering are the search page's
    job (one set of facets for the whole site), so this page hands the buyer over to it."""

    subpage_types = []

    class Meta:
        verbose_name = _("product catalogue")

    def serve(self, request, *args, **kwargs):
        query = request.GET.urlencode()
        return redirect(reverse("search") + (f"?{query}" if query else ""))
