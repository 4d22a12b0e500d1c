from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    verbose_name = _("Products")

    def ready(self):
        from . import checks, seo, signal_handlers  # noqa: F401 - checks and seo register themselves

        signal_handlers.connect()
