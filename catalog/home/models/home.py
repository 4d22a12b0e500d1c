"""The home page: what the catalog holds and where to start."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from catalog.base.blocks import BodyStreamBlock
from catalog.base.models import BasePage
from products.models import ProductPage


class HomePage(BasePage):
    """The root of the public site: what the catalog holds and where to start."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "products.ProducerIndexPage",
        "products.ProductIndexPage",
        "products.TrademarkIndexPage",
        "fairs.FairIndexPage",
        "home.NewsIndexPage",
        "home.BulletinIndexPage",
        "home.ResultsPage",
        "base.StandardPage",
    ]
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

    panels = [PageChooserPanel("product", ProductPage)]
