"""The fixed sections of the site under the home page, created when missing, so that the
demo loader and the importer always have a place to put pages."""

from django.utils.translation import gettext as _
from wagtail.models import Site

from catalog.models import HomePage, ProducerIndexPage

from .models import ProductIndexPage, TrademarkIndexPage

SECTIONS = (
    (ProducerIndexPage, "nha-san-xuat", "Cơ sở sản xuất"),
    (ProductIndexPage, "san-pham", "Sản phẩm"),
    (TrademarkIndexPage, "nhan-hieu", "Nhãn hiệu"),
)


def home_page():
    """The default site's home page."""
    root = Site.objects.get(is_default_site=True).root_page
    return root.specific if isinstance(root.specific, HomePage) else HomePage.objects.first()


def ensure_sections():
    """{model: live page} for each catalogue section, creating and publishing missing ones."""
    return ensure_children(SECTIONS)


def ensure_children(sections):
    """{model: live page} for each (model, slug, title) under the home page, creating and
    publishing the missing ones. Other apps declare their own sections and call this."""
    home = home_page()
    if home is None:
        raise RuntimeError(_("The site has no home page; run the migrations first."))
    pages = {}
    for model, slug, title in sections:
        page = model.objects.child_of(home).first()
        if page is None:
            page = model(title=title, slug=slug)
            home.add_child(instance=page)
            page.save_revision().publish()
            home.refresh_from_db()  # the tree position of the next child depends on it
        pages[model] = page
    return pages
