"""The sections this app adds under the home page (fairs, news, bulletins, results),
created when missing, like products.structure.ensure_sections does for the catalogue."""

from django.utils.translation import gettext as _

from catalog.models import BulletinIndexPage, NewsIndexPage, ResultsPage
from products.structure import home_page

from .models import FairIndexPage

SECTIONS = (
    (FairIndexPage, "hoi-cho", "Hội chợ triển lãm"),
    (NewsIndexPage, "tin-tuc", "Tin tức"),
    (BulletinIndexPage, "ban-tin", "Bản tin khuyến công"),
    (ResultsPage, "ket-qua-khuyen-cong", "Kết quả chương trình khuyến công"),
)


def ensure_sections():
    """{model: live page} for each of these sections, creating and publishing missing ones."""
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
            home.refresh_from_db()
        pages[model] = page
    return pages
