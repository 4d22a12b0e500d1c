"""The demo's main menu, footer contacts and social links (catalog/demo/data/pages.json,
"navigation"), written into the default site's settings by the same rule as every sample
record: filled in while blank, left alone once an editor changed it, put back on --reset."""

from django.conf import settings
from wagtail.models import Page, Site

from catalog.base.site_settings import SiteNavigation
from catalog.demo.catalog_loader import FILLED, KEPT, RESET, UNCHANGED
from catalog.home.models import BulletinIndexPage, NewsIndexPage, ResultsPage
from fairs.models import FairIndexPage
from products.models import ProducerIndexPage, TrademarkIndexPage

SECTION_MODELS = {
    "producers": ProducerIndexPage,
    "trademarks": TrademarkIndexPage,
    "fairs": FairIndexPage,
    "news": NewsIndexPage,
    "bulletins": BulletinIndexPage,
    "results": ResultsPage,
}
CONTACT_FIELDS = ("centre_name", "address", "phone", "email", "working_hours", "map_url")


def menu_stream(items, home, about_slug):
    """The menu's stream data: a page block for each section found, a link block for URLs."""
    stream = []
    for item in items:
        if "link" in item:
            stream.append(("link", {"url": item["link"], "label": item["label"]}))
            continue
        if item["section"] == "about":
            page = Page.objects.child_of(home).filter(slug=about_slug).first()
        else:
            page = SECTION_MODELS[item["section"]].objects.child_of(home).first()
        if page is not None:
            stream.append(("page", {"page": page, "label": item["label"]}))
    return stream


def load_navigation(loader, home):
    """Counted as "site settings" in the loader's summary."""
    data = loader.pages["navigation"]
    site = Site.objects.filter(is_default_site=True).first()
    if not site.site_name:
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save(update_fields=["site_name"])
    nav = SiteNavigation.for_site(site)
    pristine = (
        not list(nav.menu.raw_data)
        and not list(nav.social_links.raw_data)
        and not any(getattr(nav, name) for name in CONTACT_FIELDS)
    )
    if not (pristine or loader.reset):
        loader.count("site settings", KEPT)
        return nav
    before = (list(nav.menu.raw_data), [getattr(nav, n) for n in CONTACT_FIELDS])
    nav.menu = menu_stream(data["menu"], home, loader.pages["about"]["slug"])
    for name in CONTACT_FIELDS:
        setattr(nav, name, data["contacts"].get(name, ""))
    nav.social_links = [("link", link) for link in data["social_links"]]
    nav.full_clean()
    nav.save()
    nav.refresh_from_db()
    after = (list(nav.menu.raw_data), [getattr(nav, n) for n in CONTACT_FIELDS])
    if pristine:
        loader.count("site settings", FILLED)
    else:
        loader.count("site settings", RESET if _differs(before, after) else UNCHANGED)
    return nav


def _differs(before, after):
    strip = [[{k: v for k, v in b.items() if k != "id"} for b in before[0]], before[1]]
    again = [[{k: v for k, v in b.items() if k != "id"} for b in after[0]], after[1]]
    return strip != again
