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
    """{model: live page} for each section, creating and publishing the missing ones."""
    home = home_page()
    if home is None:
        raise RuntimeError(_("The site has no home page; run the migrations first."))
    pages = {}
    for model, slug, title in SECTIONS:
        page = model.objects.child_of(home).first()
        if page is None:
            page = model(title=title, slug=slug)
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[model] = page
    return pages
