"""Buyer inquiries: stored before e-mail, kept when e-mail fails, limited against abuse,
listed in the admin (a producer sees only its own) and exported without formulas."""

import csv
import io
import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from products.models import Inquiry

pytestmark = pytest.mark.django_db


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


FAILING = f"{__name__}.FailingEmailBackend"


def inquiry_data(**changes):
    data = {
        "name": "Nguyễn Văn Mua",
        "company": "Công ty Thương mại Hà Nội",
        "email": "mua@thuongmai.vn",
        "phone": "0912 345 678",
        "country": "Việt Nam",
        "quantity": "500 kg",
        "message": "Xin báo giá mỳ Chũ cho đơn hàng tháng sau.",
        "website": "",
    }
    data.update(changes)
    return data


def test_every_product_and_producer_page_has_the_form(world, client):
    for page in (world.a_product, world.a_producer):
        html = client.get(page.url).content.decode()
        assert f'action="/lien-he/{page.pk}/"' in html
        assert "csrfmiddlewaretoken" in html
        for name in ("name", "company", "email", "phone", "country", "quantity", "message"):
            assert f'name="{name}"' in html


def test_an_inquiry_is_stored_then_mailed_to_producer_centre_and_buyer(world, client, mailoutbox):
    response = client.post(f"/lien-he/{world.a_product.pk}/", inquiry_data())
    assert response.status_code == 302
    assert response["Location"] == f"/lien-he/{world.a_product.pk}/da-gui/"
    inquiry = Inquiry.objects.get()
    assert inquiry.producer_id == world.a_producer.pk
    assert inquiry.product_id == world.a_product.pk
    assert inquiry.email_status == Inquiry.EmailStatus.SENT
    to_producer, to_buyer = mailoutbox
    assert set(to_producer.to) == {"a@mychu.vn", "xuctien@example.com"}
    assert to_producer.reply_to == ["mua@thuongmai.vn"]
    assert "500 kg" in to_producer.body
    assert to_buyer.to == ["mua@thuongmai.vn"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert world.a_producer.title in page.content.decode()


def test_an_inquiry_survives_a_mail_failure_and_is_resent(world, client, settings, mailoutbox):
    settings.EMAIL_BACKEND = FAILING
    response = client.post(f"/lien-he/{world.b_producer.pk}/", inquiry_data())
    assert response.status_code == 302  # the buyer is not failed by our mail server
    inquiry = Inquiry.objects.get()
    assert inquiry.email_status == Inquiry.EmailStatus.FAILED
    assert "SMTPServerDisconnected" in inquiry.email_error
    assert inquiry.product is None
    assert inquiry.producer_id == world.b_producer.pk
    call_command("resend_inquiries")
    inquiry.refresh_from_db()
    assert inquiry.email_status == Inquiry.EmailStatus.FAILED
    assert inquiry.email_attempts == 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("resend_inquiries")
    inquiry.refresh_from_db()
    assert inquiry.email_status == Inquiry.EmailStatus.SENT
    assert inquiry.emailed_at
    assert set(mailoutbox[0].to) == {"b@maytre.vn", "xuctien@example.com"}


def test_the_honeypot_keeps_nothing_and_sends_nothing(world, client, mailoutbox):
    response = client.post(
        f"/lien-he/{world.a_product.pk}/", inquiry_data(website="http://spam.example")
    )
    assert response.status_code == 302
    assert not Inquiry.objects.exists()
    assert not mailoutbox


def test_the_form_needs_a_csrf_token(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/lien-he/{world.a_product.pk}/", inquiry_data())
    assert response.status_code == 403
    assert not Inquiry.objects.exists()


def test_length_limits(world, client):
    response = client.post(
        f"/lien-he/{world.a_product.pk}/", inquiry_data(message="x" * 3001, name="n" * 121)
    )
    assert response.status_code == 400
    assert not Inquiry.objects.exists()


def test_rate_limit_per_ip_address(world, client, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (2, 3600), "email": (100, 3600)}
    for n in range(2):
        response = client.post(
            f"/lien-he/{world.a_product.pk}/", inquiry_data(email=f"buyer{n}@example.vn")
        )
        assert response.status_code == 302
    response = client.post(
        f"/lien-he/{world.a_product.pk}/", inquiry_data(email="buyer9@example.vn")
    )
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()
    assert Inquiry.objects.count() == 2


def test_rate_limit_per_email_address(world, client, settings):
    settings.INQUIRY_RATE_LIMITS = {"ip": (100, 3600), "email": (1, 3600)}
    url = f"/lien-he/{world.a_product.pk}/"
    assert client.post(url, inquiry_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    response = client.post(url, inquiry_data(email="MUA@thuongmai.vn"), REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()
    assert Inquiry.objects.count() == 1


def test_inquiries_only_for_live_product_or_producer_pages(world, client):
    home = world.a_producer.get_parent().get_parent()
    assert client.post(f"/lien-he/{home.pk}/", inquiry_data()).status_code == 404
    world.b_product.unpublish()
    assert client.post(f"/lien-he/{world.b_product.pk}/", inquiry_data()).status_code == 404
    assert not Inquiry.objects.exists()


# --- in the admin --------------------------------------------------------------------------


def make_inquiries(world):
    mine = Inquiry.objects.create(
        producer=world.a_producer, name="Người mua của A", email="x@a.vn", message="Hỏi A"
    )
    theirs = Inquiry.objects.create(
        producer=world.b_producer,
        product=world.b_product,
        name="Người mua của B",
        email="y@b.vn",
        message="Hỏi B",
    )
    return mine, theirs


def test_a_sees_only_their_own_inquiries(world, client):
    mine, theirs = make_inquiries(world)
    client.force_login(world.a)
    listing = client.get("/admin/inquiries/").content.decode()
    assert "Người mua của A" in listing
    assert "Người mua của B" not in listing
    assert client.get(f"/admin/inquiries/inspect/{mine.pk}/").status_code == 200
    for url in (
        f"/admin/inquiries/inspect/{theirs.pk}/",
        f"/admin/inquiries/edit/{theirs.pk}/",
        f"/admin/inquiries/delete/{theirs.pk}/",
        f"/admin/inquiries/history/{theirs.pk}/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Người mua của B" not in response.content.decode()
    assert client.post(f"/admin/inquiries/delete/{theirs.pk}/").status_code in (302, 403, 404)
    assert Inquiry.objects.filter(pk=theirs.pk).exists()
    export = b"".join(client.get("/admin/inquiries/?export=csv").streaming_content).decode()
    assert "Người mua của A" in export
    assert "Người mua của B" not in export
    dashboard = client.get("/admin/").content.decode()
    assert "Người mua của A" in dashboard
    assert "Người mua của B" not in dashboard


def test_editors_see_filter_and_export_all_inquiries(world, client):
    make_inquiries(world)
    client.force_login(world.editor)
    listing = client.get("/admin/inquiries/").content.decode()
    assert "Người mua của A" in listing
    assert "Người mua của B" in listing
    filtered = client.get(f"/admin/inquiries/?producer={world.b_producer.pk}").content.decode()
    assert "Người mua của B" in filtered
    assert "Người mua của A" not in filtered


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_export_cannot_smuggle_a_formula(world, client, start):
    payload = f'{start}HYPERLINK("http://evil.example","bấm")'
    Inquiry.objects.create(
        producer=world.a_producer,
        name=payload,
        company=f"{start}1+1",
        email="z@z.vn",
        message=payload,
    )
    client.force_login(world.editor)
    response = client.get("/admin/inquiries/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, row = rows[0], rows[1]
    values = dict(zip(header, row, strict=True))
    cells = [v for v in values.values() if "HYPERLINK" in v or v.endswith("1+1")]
    assert len(cells) == 3
    for cell in cells:
        assert cell.startswith("'" + start)


def test_behind_a_proxy_each_buyer_has_their_own_limit(world, client, settings):
    """The proxy's address is the same for everyone; the buyer's is the one it forwards.
    What a client writes into X-Forwarded-For itself (left of the proxy's entry) is ignored."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.INQUIRY_RATE_LIMITS = {"ip": (1, 3600), "email": (100, 3600)}
    url = f"/lien-he/{world.a_product.pk}/"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}

    def send(forwarded, n):
        data = inquiry_data(email=f"buyer{n}@example.vn")
        return client.post(url, data, HTTP_X_FORWARDED_FOR=forwarded, **proxy).status_code

    assert send("203.0.113.7", 1) == 302
    assert send("203.0.113.8", 2) == 302  # another buyer, same proxy
    assert send("198.51.100.1, 203.0.113.7", 3) == 429  # a forged entry does not help
    assert send("not-an-address", 4) == 302  # unreadable: the proxy's own address counts
    assert list(Inquiry.objects.order_by("pk").values_list("ip_address", flat=True)) == [
        "203.0.113.7",
        "203.0.113.8",
        "10.0.0.1",
    ]
