"""A buyer at a fair: opens a product, reads its QR code as a phone would (decoding the
picture Chromium draws), follows the URL and sees the verification; and the page printed
keeps contacts, certifications and QR codes while dropping the menu and the form."""

import io
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import Site

from tests.factories import small_catalog

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def point_the_site_at(live_server):
    """The QR holds the site's root URL; here that is the live server's."""
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)


def test_buyer_scans_a_products_qr_code_and_sees_the_verification(live_server, page):
    catalog = small_catalog()
    point_the_site_at(live_server)
    product = catalog["products"]["lang_may"]
    page.set_viewport_size({"width": 1000, "height": 1200})
    page.goto(live_server.url + product.url)
    expect(page.locator(".product-header .recognitions")).to_contain_text("Quốc gia")
    qr = page.locator(".timeline .qr img").first
    qr.scroll_into_view_if_needed()
    expect(qr).to_be_visible()
    picture = Image.open(io.BytesIO(qr.screenshot()))
    decoded = [r.text for r in zxingcpp.read_barcodes(picture)]
    assert len(decoded) == 1
    assert decoded[0].startswith(live_server.url + "/xac-minh/")

    page.goto(decoded[0])
    expect(page.get_by_role("heading", level=1)).to_have_text("Làn mây đan tay")
    expect(page.get_by_role("status")).to_contain_text("HỢP LỆ")
    expect(page.locator(".verification")).to_contain_text("Cơ sở mây tre đan Tăng Tiến")
    expect(page.locator(".verification")).to_contain_text("Quốc gia")


def test_a_printed_product_page_keeps_what_a_buyer_takes_away(live_server, page):
    catalog = small_catalog()
    page.goto(live_server.url + catalog["products"]["my_chu"].url)
    page.emulate_media(media="print")
    for hidden in (".site-header nav", ".site-header .language", ".inquiry"):
        expect(page.locator(hidden).first).to_be_hidden()
    for kept in (".contact-card, .producer-card", ".certification-history", ".timeline .qr img"):
        expect(page.locator(kept).first).to_be_visible()
    expect(page.locator(".certification-history")).to_contain_text("2017")


def test_printed_producer_and_fair_pages_drop_menu_switcher_and_form(live_server, page):
    from tests.factories import FairPageFactory

    catalog = small_catalog()
    chu = catalog["producers"]["chu"]
    fair = FairPageFactory(exhibits=[(chu, "A12", [catalog["products"]["my_chu"]])])

    page.goto(live_server.url + chu.url)
    page.emulate_media(media="print")
    expect(page.locator(".site-header nav")).to_be_hidden()
    expect(page.locator(".site-header .language")).to_be_hidden()
    expect(page.locator(".inquiry")).to_be_hidden()
    expect(page.locator(".contact-card address")).to_be_visible()
    expect(page.locator(".recognitions").first).to_be_visible()  # each product's badges

    page.goto(live_server.url + fair.url)
    page.emulate_media(media="print")
    expect(page.locator(".site-header nav")).to_be_hidden()
    expect(page.locator(".site-header .language")).to_be_hidden()
    expect(page.locator(".ical-link")).to_be_hidden()
    expect(page.locator(".contact-card")).to_be_visible()
