"""What search engines and link previews read in a page's head: the canonical URL, the
language alternates (hreflang), Open Graph and Twitter card tags, and schema.org JSON-LD.

Each app describes its own page types (`describes`, in its seo.py); this module adds what every
page shares (the breadcrumb trail) and turns it all into the head's context. URLs are absolute
on the site's own root URL (the Site record), the one the sitemap uses too."""

from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Site

from .text import plain_text

# Open Graph's recommended picture: 1.91:1, large enough for every chat app's preview.
SHARE_IMAGE = "fill-1200x630-c80|format-jpeg"
DESCRIPTION_LENGTH = 200
_describers = {}


def describes(*models, og_type="website"):
    """Registers `build(page, request)` as the JSON-LD subject of pages of these models, and
    the Open Graph type of their shared links."""

    def register(build):
        for model in models:
            _describers[model] = (build, og_type)
        return build

    return register


def site_root(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def absolute(request, path):
    return path if path.startswith(("http://", "https://")) else site_root(request) + path


def image_object(request, image):
    """A picture as schema.org and Open Graph want it: absolute URL and its size."""
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE)
    return {
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }


def description_of(page):
    text = plain_text(getattr(page, "search_description", "") or getattr(page, "intro", ""))
    return text[: DESCRIPTION_LENGTH - 1] + "…" if len(text) > DESCRIPTION_LENGTH else text


def alternates(request, path):
    """(hreflang, absolute URL) of this path in every language, x-default the Vietnamese."""
    links = [
        (code, absolute(request, translate_url(path, code))) for code, _n in settings.LANGUAGES
    ]
    return [*links, ("x-default", absolute(request, translate_url(path, settings.LANGUAGE_CODE)))]


def breadcrumbs(request, page):
    """schema.org BreadcrumbList from the site's home page down to this page."""
    trail = page.get_ancestors(inclusive=True).live().specific().filter(depth__gte=2)
    if len(trail) < 2:
        return None
    items = [
        {
            "@type": "ListItem",
            "position": n,
            "name": crumb.title,
            "item": crumb.get_full_url(request),
        }
        for n, crumb in enumerate(trail, start=1)
    ]
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def head(request, page=None):
    """The context of includes/seo_head.html for any page, a Wagtail page or a view's."""
    # The address asked for, not the page's: a routable page's sub-pages have their own.
    path = request.path
    if page is None:
        data, image, description, og_type, title = [], None, "", "website", ""
    else:
        description = description_of(page)
        build, og_type = _describers.get(type(page), (None, "website"))
        data = [
            item for item in (build and build(page, request), breadcrumbs(request, page)) if item
        ]
        image = image_object(request, share_image_of(page))
        title = page.seo_title or page.title
    return {
        "canonical": absolute(request, path),
        "alternates": alternates(request, path),
        "title": title,
        "description": description,
        "image": image,
        "og_type": og_type,
        "locale": {"vi": "vi_VN", "en": "en_US"}.get(get_language(), get_language()),
        "site_name": _("Certified rural industrial products"),
        "json_ld": data,
    }


def share_image_of(page):
    """The picture a shared link shows: the page's own main picture, logo or image."""
    for name in ("main_image", "logo", "image"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    return None


class CatalogSitemap(Sitemap):
    """Wagtail's sitemap of live public pages, each with its language alternates."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["alternates"] = [
                {"lang_code": code, "location": location}
                for code, location in alternates(self.request, url["location"])
            ]
        return urls


# Search result pages are endless combinations of filters, and forms are not content.
NOT_FOR_CRAWLERS = ["/admin/", "/api/"]
NOT_FOR_CRAWLERS_IN_EACH_LANGUAGE = [("search", ()), ("inquiry", (0,))]


@require_safe
def robots_txt(request):
    paths = list(NOT_FOR_CRAWLERS)
    for code, _name in settings.LANGUAGES:
        with override(code):
            for name, args in NOT_FOR_CRAWLERS_IN_EACH_LANGUAGE:
                path = reverse(name, args=args)
                paths.append(path[: path.rstrip("/").rfind("/") + 1] if args else path)
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in paths)]
    lines.append(f"Sitemap: {absolute(request, reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page's head says."""
    return HttpResponsePermanentRedirect(static("icons/favicon.ico"))
