"""What every page of the site shares."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from catalog.text import vietnamese_slug


class BasePage(Page):
    """A page with a short introduction, used as its lead, in listings and as meta description."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # Wagtail's own slugify drops "đ": "Gà đồi" must give "ga-doi", not "ga-oi".
        if not self.slug and self.title:
            self.slug = vietnamese_slug(self.title, 255)
        super().full_clean(*args, **kwargs)


def paginate(request, items, per_page):
    """The requested page of items. Django's get_page turns a garbage number into the first
    page and a too-large one into the last, so hand-edited URLs never fail."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
