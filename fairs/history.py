"""Where a producer or product has been shown, read from the fairs side so that the catalog
and products apps need not know about fairs."""

import datetime

from products.models import ProductPage

from .models import Exhibit


def exhibit_history(subject, today=None):
    """{"past": exhibits at fairs that have ended, newest first, "next": the soonest exhibit
    at a fair that has not ended yet}, only at live fairs."""
    today = today or datetime.date.today()
    exhibits = Exhibit.objects.filter(fair__live=True).select_related("fair")
    if isinstance(subject, ProductPage):
        exhibits = exhibits.filter(products=subject)
    else:
        exhibits = exhibits.filter(producer_id=subject.pk)
    return {
        "past": list(exhibits.filter(fair__end_date__lt=today).order_by("-fair__start_date")),
        "next": exhibits.filter(fair__end_date__gte=today).order_by("fair__start_date").first(),
    }
