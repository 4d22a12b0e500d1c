"""The home page: what the catalog holds and where to start."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from catalog.base.blocks import BodyStreamBlock
from catalog.base.models import BasePage
from fairs.models import FairPage
from products.models import ProductPage

from .news import NewsPage

# How many upcoming fairs and news items the home page lists beside the featured products.
HOME_FAIRS = 3
HOME_NEWS = 4


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = datetime.date.today()
        context["next_fairs"] = (
            FairPage.objects.live()
            .public()
            .filter(end_date__gte=today)
            .order_by("start_date", "pk")
        )[:HOME_FAIRS]
        context["latest_news"] = (
            NewsPage.objects.live().public().order_by("-date", "-pk")[:HOME_NEWS]
        )
        return context


class FeaturedProduct(Orderable):
    """A product the centre wants buyers to see first."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("product"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("product", ProductPage)]
