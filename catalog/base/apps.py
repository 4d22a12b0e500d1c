from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """The shell every other app builds on; it imports none of them."""

    name = "catalog.base"
    label = "base"
    verbose_name = _("Site shell")
