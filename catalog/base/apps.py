from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    """The shell every other app builds on; it imports none of them."""

    name = "catalog.base"
    label = "base"
    verbose_name = _("Site shell")

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(sender, using, verbosity=1, **kwargs):
    """The database cache's table, made by `migrate` itself (it is no model, so no migration
    makes it): `make demo`, CI and a deployment all migrate, and none needs a step of its own.
    createcachetable is idempotent."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))
