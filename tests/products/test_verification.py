"""The public verification page: valid, expired, revoked, unknown; codes that never change;
and unknown or made-up codes that look and cost the same as each other."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from products.models import Certification, ProducerIndexPage
from products.structure import ensure_sections
from tests.factories import ProducerPageFactory, ProductPageFactory

pytestmark = pytest.mark.django_db


def verify(client, code, prefix=""):
    return client.get(f"{prefix}/xac-minh/{code}/")


@pytest.fixture
def product(catalog):
    return catalog["products"]["my_chu"]


def first(product):
    return product.certifications.order_by("year").first()


def test_a_valid_certification_verifies_with_its_facts(client, product):
    c = first(product)
    c.decision_number = "1234/QĐ-UBND"
    c.issuing_body = "UBND tỉnh Bắc Giang"
    c.save()
    response = verify(client, c.code)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Mỳ Chũ gạo bao thai", "HTX Mỳ Chũ Nam Giang", "1234/QĐ-UBND", "UBND tỉnh"):
        assert text in html
    assert "HỢP LỆ" in html
    assert "2016" in html
    assert response["X-Robots-Tag"] == "noindex"


def test_codes_are_case_blind_and_the_page_speaks_english(client, product):
    c = first(product)
    assert verify(client, c.code.lower()).status_code == 200
    html = verify(client, c.code, prefix="/en").content.decode()
    assert "VALID" in html
    assert "Certification verification" in html


def test_expired_and_revoked_are_said_plainly(client, product):
    expired, revoked = product.certifications.order_by("year")
    expired.expires_on = datetime.date(2022, 12, 20)
    expired.save()
    revoked.revoked_on = datetime.date(2024, 3, 1)
    revoked.revocation_reason = "Sản phẩm không còn đạt tiêu chuẩn"
    revoked.save()
    html = verify(client, expired.code).content.decode()
    assert "HẾT HẠN" in html
    assert "20/12/2022" in html
    html = verify(client, revoked.code).content.decode()
    assert "ĐÃ THU HỒI" in html
    assert "Sản phẩm không còn đạt tiêu chuẩn" in html
    # The history keeps it, marked as revoked.
    page = client.get(product.url).content.decode()
    assert "Sản phẩm không còn đạt tiêu chuẩn" in page
    assert "Đã thu hồi" in page


def not_found(client, code):
    with CaptureQueriesContext(connection) as queries:
        response = verify(client, code)
    assert response.status_code == 404
    html = response.content.decode()  # the language links name the path; the rest is one page
    lookups = [q for q in queries.captured_queries if "products_certification" in q["sql"]]
    assert len(lookups) == 1
    # Wagtail's redirect middleware looks a 404's path up once more when it is not ASCII:
    # that tells what was typed, not whether a code exists.
    ours = [q for q in queries.captured_queries if "wagtailredirects" not in q["sql"]]
    return html[html.index("<main") : html.index("</main>")], len(ours)


def test_unknown_malformed_and_made_up_codes_get_the_same_page_and_queries(client, product):
    real = first(product).code
    verify(client, "WARMUP")  # the first request of a test fills per-process caches
    answers = [
        not_found(client, code)
        for code in (
            "ZZZZZZZZZZ",  # well formed, unknown
            real[:-1] + ("2" if real[-1] != "2" else "3"),  # one symbol off
            "1",  # too short, ambiguous symbol
            "x" * 400,  # far too long
            "' OR 1=1 --",
            "%00%ff",
            "a/b/c",  # slashes
            "Mỳ-Chũ",
        )
    ]
    pages = {html for html, _ in answers}
    assert len(pages) == 1
    assert "Không tìm thấy chứng nhận" in pages.pop()
    assert {n for _, n in answers} == {answers[0][1]}  # no early return on the format


def test_a_draft_products_code_does_not_verify(client):
    draft = ProductPageFactory(publish=False, certifications=[("provincial", 2020)])
    code = Certification.objects.get(product=draft).code
    assert verify(client, code).status_code == 404
    draft.save_revision().publish()
    assert verify(client, code).status_code == 200
    draft.refresh_from_db()
    draft.unpublish()
    assert verify(client, code).status_code == 404


def test_codes_survive_rename_move_republish_and_copy(client, product):
    codes = sorted(product.certifications.values_list("code", flat=True))
    old_revision = product.latest_revision
    product.title = "Mỳ Chũ đặc sản"
    product.slug = "my-chu-dac-san"
    product.save_revision().publish()
    new_producer = ProducerPageFactory(parent=ensure_sections()[ProducerIndexPage], title="HTX mới")
    product.move(new_producer, pos="last-child")
    product.refresh_from_db()
    old_revision.publish()  # a revert to a revision saved before any of that
    product.refresh_from_db()
    assert sorted(product.certifications.values_list("code", flat=True)) == codes
    for code in codes:
        assert verify(client, code).status_code == 200
    copy = product.copy(to=new_producer, update_attrs={"slug": "ban-sao", "title": "Bản sao"})
    copies = set(copy.certifications.values_list("code", flat=True))
    assert len(copies) == 2
    assert not copies & set(codes)


def test_last_changed_moves_only_when_a_fact_changes(product):
    c = first(product)
    before = c.changed_at
    assert before is not None
    product.save_revision().publish()
    c.refresh_from_db()
    assert c.changed_at == before
    c.prize_rank = "Giải Nhì"
    c.save()
    c.refresh_from_db()
    assert c.changed_at > before


def test_product_page_has_header_badges_and_history_below_the_description(client, product):
    html = client.get(product.url).content.decode()
    header = html[
        html.index('class="product-header"') : html.index(
            "</header>", html.index('class="product-header"')
        )
    ]
    assert "Khu vực phía Bắc" in header
    assert "2017" in header
    assert "/xac-minh/" in header
    assert html.index('class="prose"') < html.index("cert-heading") < html.index("inquiry")


def _form_index(data, year):
    total = int(data["certifications-TOTAL_FORMS"])
    return next(i for i in range(total) if data[f"certifications-{i}-year"] == str(year))


def test_an_editor_revokes_with_a_reason_and_the_code_stays(client, world):
    from .conftest import edit_form_data

    product = world.a_product
    before = first(product)
    client.force_login(world.editor)
    data = edit_form_data(client, product)
    i = _form_index(data, 2016)
    data[f"certifications-{i}-revoked_on"] = "2024-03-01"
    data["action-publish"] = "1"
    response = client.post(f"/admin/pages/{product.pk}/edit/", data)
    assert response.status_code == 200  # the reason is missing: the form says so
    assert "Hãy ghi lý do thu hồi" in response.content.decode()
    assert first(product).revoked_on is None

    data[f"certifications-{i}-revocation_reason"] = "Không duy trì chất lượng"
    response = client.post(f"/admin/pages/{product.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    after = first(product)
    assert after.pk == before.pk
    assert after.code == before.code
    assert after.revoked_on == datetime.date(2024, 3, 1)
    client.logout()
    html = verify(client, after.code).content.decode()
    assert "ĐÃ THU HỒI" in html
    assert "Không duy trì chất lượng" in html
