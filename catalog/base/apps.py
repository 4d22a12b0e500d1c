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
        use_vietnamese_slug_widget()


def use_vietnamese_slug_widget():
    """Every slug field of the admin (pages, snippets) spells Vietnamese letters in the
    browser as the server does: Wagtail's widget with formatters (registered after Wagtail's
    own override of SlugField, which it replaces). The server cleans slugs anyway
    (BasePage.full_clean); this makes the slug the editor sees the one that is saved."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.admin.widgets import SlugInput

    from .text import slug_formatters

    class VietnameseSlugInput(SlugInput):
        def __init__(self, attrs=None, formatters=None, locale=None):
            super().__init__(attrs, formatters or slug_formatters(), locale)

    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})


def create_cache_table(sender, using, verbosity=1, **kwargs):
    """The database cache's table, made by `migrate` itself (it is no model, so no migration
    makes it): `make demo`, CI and a deployment all migrate, and none needs a step of its own.
    createcachetable is idempotent."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))
