from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "catalog_search"
    verbose_name = _("Catalog search")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import catalog_pdf, checks, index, signal_handlers  # noqa: F401 - checks registers itself

        signal_handlers.connect()
        catalog_pdf.connect()
        post_migrate.connect(index.schedule_replay_after_migrate, sender=self)
