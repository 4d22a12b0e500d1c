"""The sitemap for people (/so-do-trang/): the site's public pages as a tree of links.
sitemap.xml stays for search engines."""

from django.template.response import TemplateResponse
from wagtail.models import Site

# Sections list at most this many pages; the section's own page lists the rest.
PER_SECTION = 30


def sitemap_page(request):
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    sections = []
    if root is not None:
        for section in root.get_children().live().public():
            children = list(
                section.get_children().live().public().order_by("title")[: PER_SECTION + 1]
            )
            sections.append(
                {
                    "page": section,
                    "children": children[:PER_SECTION],
                    "more": len(children) > PER_SECTION,
                }
            )
    return TemplateResponse(request, "home/sitemap_page.html", {"root": root, "sections": sections})
