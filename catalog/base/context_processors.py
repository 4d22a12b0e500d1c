from django.conf import settings


def site_shell(request):
    """Values every template's shell needs (the sample-data banner)."""
    return {"demo_mode": settings.CATALOG_DEMO_MODE}
