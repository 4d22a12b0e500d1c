from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The sample catalog: its data files and the loader that reads them."""

    name = "catalog.demo"
    label = "demo"
    verbose_name = _("Sample data")
