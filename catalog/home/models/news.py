"""News (tin tức): dated articles from the centre, listed newest first and followed by feed."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from catalog.base.blocks import BodyStreamBlock
from catalog.base.models import BasePage, SectionPage, paginate

from ..feeds import FeedRoutesMixin


class NewsIndexPage(FeedRoutesMixin, SectionPage):
    """The news list, filterable by tag, with RSS and Atom feeds at rss/ and atom/."""

    per_page = 10
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def feed_items(self):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    @path("")
    def news_list(self, request):
        items = self.feed_items()
        tag = Tag.objects.filter(slug=request.GET.get("tag", "")).first()
        if tag:
            items = items.filter(tags=tag)
        tags = Tag.objects.filter(home_newspagetag_items__content_object__live=True).distinct()
        return self.render(
            request,
            context_overrides={
                "news_items": paginate(request, items, self.per_page),
                "tags": tags.order_by("name"),
                "selected_tag": tag,
            },
        )


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """One news item; its go-live date lets editors schedule it."""

    date = models.DateField(_("date"), default=datetime.date.today)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def feed_date(self):
        return self.date

    def feed_summary(self):
        return self.intro

    def feed_categories(self):
        return sorted(tag.name for tag in self.tags.all())

    def feed_enclosure(self):
        return None
