"""QR codes of verification pages, at print sizes, drawn by segno.

The code holds the absolute URL of the page in the site's default language, from the
default Wagtail site's root URL: the same address whichever language printed the label."""

import base64
import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

# Printed widths of the symbol with its quiet zone, in millimetres. A phone reads 20 mm from
# a hand's length; 30 mm is the label sheet's; 50 mm is for a poster or a fair stand.
PRINT_SIZES_MM = {"s": 20, "m": 30, "l": 50}
PNG_DPI = 300
BORDER = 4  # modules of quiet zone, as the standard asks


def verification_url(code):
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    with translation.override(settings.LANGUAGE_CODE):
        return root.rstrip("/") + reverse("verify", args=[code])


def symbol(url):
    return segno.make(url, error="m", micro=False)


def _modules(qr):
    return qr.symbol_size(scale=1, border=BORDER)[0]


def svg(url, size="m"):
    """An SVG whose width is the print size in millimetres."""
    qr = symbol(url)
    scale = PRINT_SIZES_MM[size] / _modules(qr)
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=scale, unit="mm", border=BORDER, xmldecl=False)
    return out.getvalue()


def png(url, size="m"):
    """A PNG of at least the print size at 300 dpi, in whole pixels per module."""
    qr = symbol(url)
    pixels = PRINT_SIZES_MM[size] / 25.4 * PNG_DPI
    scale = max(1, -(-int(pixels) // _modules(qr)))
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=BORDER, dpi=PNG_DPI)
    return out.getvalue()


def svg_data_uri(url, size="m"):
    """For the PDFs, which embed their pictures."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(url, size)).decode()
