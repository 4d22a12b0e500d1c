"""Buttons shown directly in the page edit header, not folded under its "…" menu."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import HeaderButton

from products.models import ProducerPage

register = template.Library()


@register.simple_tag
def producer_access_button(page, user):
    """Editors reach a producer's accounts in one click from the producer's page."""
    if page is None or user is None or page.specific_class is not ProducerPage:
        return None
    if not user.has_perm("products.manage_registration"):
        return None
    return HeaderButton(
        label=_("Producer accounts"),
        url=reverse("producer_access", args=[page.pk]),
        icon_name="group",
        classname="producer-access-button",
    )
