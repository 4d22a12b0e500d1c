"""What every page of the site shares: the base page, sections, standard pages and the
captioned image of every gallery."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from .blocks import BodyStreamBlock
from .forms import BasePageForm
from .site_settings import SiteNavigation
from .text import is_lossy_slug, vietnamese_slug
from .viewer import current_user


class BasePage(Page):
    """A page with a short introduction, used as its lead, in listings and as meta description."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    base_form_class = BasePageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        self.slug = clean_slug(self.slug, self.title, self.first_published_at is None)
        super().full_clean(*args, **kwargs)

    def get_admin_display_title(self):
        """Wagtail shows the draft title all over the admin (explorer, choosers, bulk actions,
        its API). A draft belongs to those who may edit the page: anyone else (another
        producer) sees the published title, and no title at all of a page never published."""
        user = current_user.get()
        if user is None or self.pk is None or self.permissions_for_user(user).can_edit():
            return super().get_admin_display_title()
        if self.live or self.last_published_at:
            return self.title
        return str(_("Unpublished page"))


__all__ = ["BasePage", "CaptionedImage", "SectionPage", "SiteNavigation", "StandardPage"]


def clean_slug(slug, title, never_published):
    """The slug a page is saved with. Machines drop letters they cannot spell ("Khai mạc Hội
    chợ" -> "khai-mc-hi-ch" in the admin's JavaScript, "Gà đồi" -> "ga-oi" in Django's
    slugify): an empty slug, or such a lossy one on a page that was never published (whose
    address nobody has yet), becomes the transliterated title; a slug typed with accents is
    transliterated. A published page keeps its address."""
    if title and (not slug or (never_published and is_lossy_slug(slug, title))):
        return vietnamese_slug(title, 255)
    if slug and not slug.isascii():
        return vietnamese_slug(slug, 255)
    return slug


def is_site_root(page):
    return Site.objects.filter(root_page_id=page.pk).exists()


class SectionPage(BasePage):
    """A fixed section of the site (producers, products, fairs, news...): one of each,
    directly under the site's home page. The home page is built above every app, so the
    rule names no model: the parent must be a site's root page."""

    max_count = 1

    class Meta:
        abstract = True

    @classmethod
    def can_exist_under(cls, parent):
        return super().can_exist_under(parent) and is_site_root(parent)


class StandardPage(BasePage):
    """A plain content page: about the centre, how to be certified, contacts."""

    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    subpage_types = ["base.StandardPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")

    @classmethod
    def can_exist_under(cls, parent):
        """Under the home page, or under another standard page."""
        return super().can_exist_under(parent) and (
            parent.specific_class is StandardPage or is_site_root(parent)
        )


class CaptionedImage(Orderable):
    """One picture of a gallery (a producer's, a product's, a fair's), in the editor's order.
    Concrete galleries add the `page` ParentalKey with their own related name."""

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        abstract = True


def in_one_order(items):
    """The items in their order with the id last, so that rows tied on it page the same way
    every time: PostgreSQL returns ties in any order, and may do so differently for each
    page's LIMIT and OFFSET, repeating a row on two pages and skipping another (SQLite
    happens to keep them in insertion order)."""
    return items.order_by(*(items.query.order_by or items.model._meta.ordering), "pk")


def paginate(request, items, per_page):
    """The requested page of items. Django's get_page turns a garbage number into the first
    page and a too-large one into the last, so hand-edited URLs never fail."""
    return Paginator(in_one_order(items), per_page).get_page(request.GET.get("page"))
