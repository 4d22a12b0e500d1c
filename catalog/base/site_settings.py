"""Site settings editors own: the main menu, the centre's contacts and its social links.

One row per site (Wagtail's BaseSiteSetting, cached on the request), with the menu and the
social links as StreamFields in that row: the header and footer cost one query for the row
and one for the pages the menu names (a stream's page choosers are fetched together)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


def validate_link(value):
    """A path on this site ("/tim-kiem/?kind=product") or an absolute http(s) address."""
    if not (value.startswith("/") and not value.startswith("//")) and not value.startswith(
        ("http://", "https://")
    ):
        raise ValidationError(
            _("Enter a path starting with / or an address starting with https://.")
        )


class LinkBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=500, validators=[validate_link], **kwargs)


class PageItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"), required=False, max_length=60, help_text=_("Empty: the page's title.")
    )

    class Meta:
        icon = "doc-empty"
        label = _("Page")


class LinkItemBlock(blocks.StructBlock):
    url = LinkBlock(label=_("Address"), help_text=_("For example /tim-kiem/?kind=product"))
    label = blocks.CharBlock(label=_("Label"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Link")


class MenuBlock(blocks.StreamBlock):
    page = PageItemBlock()
    link = LinkItemBlock()


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("zalo", "Zalo"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("other", _("Other")),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Network"))
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(
        label=_("Label"), required=False, max_length=60, help_text=_("Empty: the network's name.")
    )

    class Meta:
        icon = "link-external"
        label = _("Social link")


@register_setting(icon="list-ul")
class SiteNavigation(BaseSiteSetting):
    """The main menu, the footer's contact block and the social links of a site, which the
    centre's editors change without a developer."""

    menu = StreamField(
        MenuBlock(),
        verbose_name=_("main menu"),
        blank=True,
        help_text=_("Empty: the menu shows the site's sections."),
    )
    centre_name = models.CharField(_("centre's name"), max_length=200, blank=True)
    address = models.TextField(_("address"), max_length=400, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    working_hours = models.CharField(_("working hours"), max_length=200, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )

    panels = [
        FieldPanel("menu"),
        MultiFieldPanel(
            [
                FieldPanel("centre_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
                FieldPanel("map_url"),
            ],
            heading=_("Contact details in the footer"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("navigation and contacts")

    def menu_items(self):
        """[(label, url)] of the menu, skipping pages that are not live (a menu must not lead
        to a 404)."""
        items = []
        for block in self.menu:
            if block.block_type == "page":
                page = block.value["page"]
                if page is None or not page.live:
                    continue
                items.append((block.value["label"] or page.title, page.url))
            else:
                items.append((block.value["label"], block.value["url"]))
        return items

    def has_contacts(self):
        return any((self.address, self.phone, self.email, self.working_hours, self.map_url))


def centre_name(site):
    """The centre's name as editors wrote it in the site's settings, else the generic one."""
    named = SiteNavigation.objects.filter(site=site).values_list("centre_name", flat=True).first()
    return named or str(_("Industrial Extension and Trade Promotion Centre"))
