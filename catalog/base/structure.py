"""The fixed sections under the home page, created when missing, so that the demo loader and
the importer always have a place to put pages. Each app declares its own sections."""

from django.utils.translation import gettext as _
from wagtail.models import Site


def home_page():
    """The default site's root page (the home page), or None before the migrations ran."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.specific if site else None


def ensure_children(sections):
    """{model: live page} for each (model, slug, title) under the home page, creating and
    publishing the missing ones."""
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
