"""System checks of the products app's configuration."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches)
def shared_cache_for_rate_limits(app_configs, **kwargs):
    """The inquiry limits count in the default cache; one per process lets each gunicorn
    worker accept its own allowance (10 inquiries were taken against a limit of 5 with two)."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is per process, so each worker "
            "counts the inquiry rate limits on its own.",
            hint="Use a cache every worker shares, e.g. "
            "django.core.cache.backends.db.DatabaseCache (the base settings' default).",
            id="products.W001",
        )
    ]
