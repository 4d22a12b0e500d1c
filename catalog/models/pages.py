"""The site shell: the home page and plain content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from catalog.blocks import BodyStreamBlock

from .base import BasePage


class HomePage(BasePage):
    """The root of the public site: what the catalog holds and where to start."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_title"),
        InlinePanel("featured_products", label=_("Featured products"), max_num=8),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("home page")


class FeaturedProduct(Orderable):
    """A product the centre wants buyers to see first."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("product"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("product", "products.ProductPage")]


class StandardPage(BasePage):
    """A plain content page: about the centre, how to be certified, contacts."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["catalog.HomePage", "catalog.StandardPage"]
    subpage_types = ["catalog.StandardPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
