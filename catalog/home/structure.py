"""The sections of the site's top under the home page (news, bulletins, results), created
when missing, like the catalogue's and the fairs' sections."""

from catalog.base.structure import ensure_children

from .models import BulletinIndexPage, NewsIndexPage, ResultsPage

SECTIONS = (
    (NewsIndexPage, "tin-tuc", "Tin tức"),
    (BulletinIndexPage, "ban-tin", "Bản tin khuyến công"),
    (ResultsPage, "ket-qua-khuyen-cong", "Kết quả chương trình khuyến công"),
)


def ensure_sections():
    """{model: live page} for each of these sections, creating and publishing missing ones."""
    return ensure_children(SECTIONS)
