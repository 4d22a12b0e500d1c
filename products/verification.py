"""The public verification page of a certification, reached from the QR code on a label.

A code is looked up the same way whatever was typed: cut to a bounded length, upper-cased,
then one indexed query. Nothing answers early on a malformed code, so an unknown, a
malformed and a made-up code cost the same and get the same page: timing and wording
tell an enumerator nothing."""

from django.http import HttpResponse
from django.shortcuts import render

from . import qr
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


QR_FORMATS = {"svg": "image/svg+xml", "png": "image/png"}


def verify_qr(request, code, fmt):
    """The QR code of a verification page; `?size=s|m|l` picks the printed width."""
    size = request.GET.get("size", "m")
    certification = live_certification(code)
    if certification is None or fmt not in QR_FORMATS or size not in qr.PRINT_SIZES_MM:
        return render(request, "products/verify_not_found.html", status=404)
    url = qr.verification_url(certification.code)
    body = qr.svg(url, size) if fmt == "svg" else qr.png(url, size)
    response = HttpResponse(body, content_type=QR_FORMATS[fmt])
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Disposition"] = f'inline; filename="qr-{certification.code}-{size}.{fmt}"'
    return response
