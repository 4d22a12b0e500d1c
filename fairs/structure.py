"""The fairs section under the home page, created when missing, like the catalogue's."""

from catalog.base.structure import ensure_children

from .models import FairIndexPage

SECTIONS = ((FairIndexPage, "hoi-cho", "Hội chợ triển lãm"),)


def ensure_sections():
    """{FairIndexPage: live page}, creating and publishing it when missing."""
    return ensure_children(SECTIONS)
