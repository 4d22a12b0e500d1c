"""RSS and Atom feeds of an index page's children, so readers can follow news and bulletins."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

FEED_SIZE = 20


class IndexPageFeed(Feed):
    """A feed built for one index page; the page supplies items() and how to date them."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page, feed_type=None):
        super().__init__()
        self.index_page = index_page
        if feed_type is not None:
            self.feed_type = feed_type

    def title(self):
        return self.index_page.title

    def description(self):
        return self.index_page.intro or self.index_page.title

    subtitle = description

    def link(self):
        return self.index_page.url

    def items(self):
        return self.index_page.feed_items()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.feed_summary()

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        when = datetime.datetime.combine(item.feed_date(), datetime.time(8, 0))
        return timezone.make_aware(when)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return item.feed_categories()

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def item_enclosure_url(self, item):
        enclosure = item.feed_enclosure()
        return self.request.build_absolute_uri(enclosure[0]) if enclosure else None

    def item_enclosure_length(self, item):
        return item.feed_enclosure()[1] if item.feed_enclosure() else None

    def item_enclosure_mime_type(self, item):
        return item.feed_enclosure()[2] if item.feed_enclosure() else None


def feed_response(index_page, request, kind):
    """The RSS ("rss") or Atom ("atom") response for an index page."""
    feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
    return IndexPageFeed(index_page, feed_type)(request)


class FeedRoutesMixin(RoutablePageMixin):
    """rss/ and atom/ under an index page that defines feed_items()."""

    @path("rss/", name="rss")
    def rss(self, request):
        return feed_response(self, request, "rss")

    @path("atom/", name="atom")
    def atom(self, request):
        return feed_response(self, request, "atom")
