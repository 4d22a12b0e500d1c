from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "catalog_search"
    verbose_name = _("Catalog search")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
