"""Printable A4 sheets of QR labels, one label per certification in force, that a producer
sticks on their products: product name, level in words, year, and the verification QR."""

from django.template.loader import render_to_string

from . import qr
from .badges import described
from .models import Certification, ProductPage

COLUMNS, ROWS = 3, 7
LABELS_PER_PAGE = COLUMNS * ROWS


def printable(products):
    """The certifications worth a label: of live products, and in force today (a revoked or
    expired one must not be stuck on a jar)."""
    certifications = (
        Certification.objects.filter(product__in=products.live())
        .select_related("product")
        .order_by("product__title", "-year", "pk")
    )
    return [c for c in certifications if described(c)["in_force"]]


def label_rows(certifications):
    return [
        {
            "product": c.product.title,
            "badge": described(c),
            "code": c.code,
            "url": qr.verification_url(c.code),
            "qr": qr.svg_data_uri(qr.verification_url(c.code), "m"),
        }
        for c in certifications
    ]


def sheet_pdf(certifications, title):
    from weasyprint import HTML  # loads Pango: only when a sheet is printed

    html = render_to_string(
        "products/labels/sheet.html",
        {"labels": label_rows(certifications), "title": title, "columns": COLUMNS},
    )
    return HTML(string=html).write_pdf()


def products_of(producer):
    return ProductPage.objects.child_of(producer)
