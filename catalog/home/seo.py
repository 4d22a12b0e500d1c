"""schema.org descriptions of the centre (on the home page) and of news (catalog.base.seo)."""

from django.urls import reverse
from wagtail.models import Site

from catalog.base.seo import absolute, describes, description_of, image_object
from catalog.base.site_settings import centre_name

from .models import HomePage, NewsPage


def centre(request):
    """The trade-promotion centre that publishes the catalog."""
    site = Site.find_for_request(request)
    root = absolute(request, "/")
    return {
        "@type": "GovernmentOrganization",
        "@id": root + "#centre",
        "name": centre_name(site),
        "url": root,
    }


@describes(HomePage)
def home(page, request):
    search = absolute(request, reverse("search")) + "?q={query}"
    publisher = centre(request)
    website = {
        "@type": "WebSite",
        "name": page.title,
        "url": absolute(request, "/"),
        "publisher": {"@id": publisher["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": search,
            "query-input": "required name=query",
        },
    }
    return {"@context": "https://schema.org", "@graph": [publisher, website]}


@describes(NewsPage)
def news(page, request):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "url": page.get_full_url(request),
        "datePublished": page.date.isoformat(),
        "publisher": centre(request),
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if description_of(page):
        data["description"] = description_of(page)
    picture = image_object(request, page.image)
    if picture:
        data["image"] = [picture["url"]]
    return data
