"""The inquiry's details in the admin: everything the buyer sent, "handled" as an action
there, times in the site's time zone; producers reach only their own."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from products.models import Inquiry

pytestmark = pytest.mark.django_db
RECEIVED = datetime.datetime(2026, 3, 2, 1, 30, tzinfo=datetime.UTC)  # 08:30 in Hà Nội


@pytest.fixture
def inquiries(world):
    def make(producer, product, name):
        inquiry = Inquiry.objects.create(
            producer=producer,
            product=product,
            name=name,
            company="Công ty Thương mại Sao Mai",
            email="mua@saomai.vn",
            phone="0912 345 678",
            message="Xin báo giá 500 kg mỳ, giao tháng 4.",
            email_status=Inquiry.EmailStatus.FAILED,
            email_error="SMTP timeout",
        )
        Inquiry.objects.filter(pk=inquiry.pk).update(created_at=RECEIVED)
        return inquiry

    return (
        make(world.a_producer, world.a_product, "Nguyễn Văn Mua"),
        make(world.b_producer, world.b_product, "Trần Thị Khác"),
    )


def test_the_list_opens_the_details(client, world, inquiries):
    client.force_login(world.editor)
    html = client.get("/admin/inquiries/").content.decode()
    assert f'href="/admin/inquiries/inspect/{inquiries[0].pk}/"' in html
    assert "08:30" in html  # the list, in the site's time zone


def test_the_details_show_everything_in_local_time(client, world, inquiries):
    client.force_login(world.editor)
    html = client.get(f"/admin/inquiries/inspect/{inquiries[0].pk}/").content.decode()
    for text in ("Xin báo giá 500 kg mỳ", "mua@saomai.vn", "0912 345 678", "Sao Mai"):
        assert text in html
    assert world.a_product.title in html
    assert "SMTP timeout" in html
    local = timezone.localtime(RECEIVED, zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
    assert local.hour == 8
    assert "08:30" in html
    assert "01:30" not in html
    assert f'action="/admin/inquiries/{inquiries[0].pk}/handled/"' in html


def test_handled_is_an_action_of_the_details(client, world, inquiries):
    client.force_login(world.editor)
    url = f"/admin/inquiries/{inquiries[0].pk}/handled/"
    assert client.get(url).status_code == 405
    response = client.post(url, {"handled": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/inquiries/inspect/{inquiries[0].pk}/"
    inquiries[0].refresh_from_db()
    assert inquiries[0].handled
    client.post(url, {"handled": "0"})
    inquiries[0].refresh_from_db()
    assert not inquiries[0].handled


def test_a_producer_reads_its_own_inquiry_and_cannot_touch_others(client, world, inquiries):
    mine, theirs = inquiries
    client.force_login(world.a)
    html = client.get(f"/admin/inquiries/inspect/{mine.pk}/").content.decode()
    assert "Xin báo giá 500 kg mỳ" in html
    assert "/handled/" not in html  # no change permission
    assert client.get(f"/admin/inquiries/inspect/{theirs.pk}/").status_code == 404
    for inquiry in (mine, theirs):
        response = client.post(f"/admin/inquiries/{inquiry.pk}/handled/", {"handled": "1"})
        assert response.status_code == 404
        inquiry.refresh_from_db()
        assert not inquiry.handled
