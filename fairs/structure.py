"""The sections this app adds under the home page (fairs, news, bulletins, results),
created when missing, like the catalogue's sections."""

from catalog.models import BulletinIndexPage, NewsIndexPage, ResultsPage
from products.structure import ensure_children

from .models import FairIndexPage

SECTIONS = (
    (FairIndexPage, "hoi-cho", "Hội chợ triển lãm"),
    (NewsIndexPage, "tin-tuc", "Tin tức"),
    (BulletinIndexPage, "ban-tin", "Bản tin khuyến công"),
    (ResultsPage, "ket-qua-khuyen-cong", "Kết quả chương trình khuyến công"),
)


def ensure_sections():
    """{model: live page} for each of these sections, creating and publishing missing ones."""
    return ensure_children(SECTIONS)
