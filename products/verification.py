"""The public verification page of a certification, reached from the QR code on a label.

A code is looked up the same way whatever was typed: cut to a bounded length, upper-cased,
then one indexed query. Nothing answers early on a malformed code, so an unknown, a
malformed and a made-up code cost the same and get the same page: timing and wording
tell an enumerator nothing."""

from django.shortcuts import render

from .models import Certification, ProductPage
from .recognition import normalised_code


def live_certification(code):
    """The certification of a live, public product with this code, or None."""
    return (
        Certification.objects.filter(
            code=normalised_code(code), product__in=ProductPage.objects.live().public()
        )
        .select_related("product", "product__producer", "document")
        .first()
    )


def verify(request, code):
    certification = live_certification(code)
    if certification is None:
        return render(request, "products/verify_not_found.html", status=404)
    product = certification.product
    context = {
        "certification": certification,
        "state": certification.state(),
        "product": product,
        "producer": product.producer,
        "changed_at": certification.changed_at or product.last_published_at,
    }
    response = render(request, "products/verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
