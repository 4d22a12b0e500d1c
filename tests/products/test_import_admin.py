"""Importing a sheet in the admin: preview writes nothing, confirm writes exactly the
preview, cancel writes nothing, errors are shown by row and column; export round trip;
only the centre's editors reach any of it."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from products.import_admin import MAX_UPLOAD
from products.importing import COLUMNS
from products.models import ImportJob, ProducerPage, ProductPage
from tests.products.test_import import snapshot

pytestmark = pytest.mark.django_db


def sheet(*rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def row(**values):
    base = {
        "producer": "HTX Mây tre đan Tân Lạc",
        "producer_type": "Hợp tác xã",
        "district": "Lục Ngạn",
        "product": "Giỏ mây đan tay",
        "category": "Thủ công mỹ nghệ",
        "level": "Cấp tỉnh",
        "year": "2024",
        "trademark": "Mây Tân Lạc",
        "trademark_kind": "chi dan dia ly",
    }
    return {**base, **values}


def upload(client, content, name="danh-sach.csv"):
    response = client.post("/admin/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.content.decode()[-3000:]
    return ImportJob.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


@pytest.fixture
def editor_client(client, world):
    client.force_login(world.editor)
    return client


def test_preview_writes_nothing_and_lists_each_record(editor_client, world):
    before = snapshot()
    job = upload(editor_client, sheet(row(), row(level="Quốc gia", year="2025")))
    assert snapshot() == before
    assert job.status == ImportJob.Status.PREVIEWED
    html = editor_client.get(f"/admin/import/{job.pk}/").content.decode()
    assert "HTX Mây tre đan Tân Lạc" in html
    assert "Giỏ mây đan tay" in html
    assert 'data-status="created"' in html
    statuses = {(o["entity"], o["status"]) for o in job.preview["outcomes"]}
    assert ("producers", "created") in statuses
    assert ("certifications", "created") in statuses


def test_confirm_writes_exactly_the_preview(editor_client, world):
    job = upload(editor_client, sheet(row()))
    response = editor_client.post(f"/admin/import/{job.pk}/confirm/")
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.APPLIED
    producer = ProducerPage.objects.get(title="HTX Mây tre đan Tân Lạc")
    assert producer.legal_form == "cooperative"
    product = ProductPage.objects.get(title="Giỏ mây đan tay")
    assert product.trademark.kind == "geographical"
    assert product.certifications.get().level == "provincial"
    # Confirming twice does not import twice.
    editor_client.post(f"/admin/import/{job.pk}/confirm/")
    assert ProductPage.objects.filter(title="Giỏ mây đan tay").count() == 1


def test_an_update_names_the_fields_that_change(editor_client, world):
    chu = world.a_producer
    job = upload(
        editor_client,
        sheet(
            row(
                producer=chu.title,
                district=chu.district.slug,
                producer_type="cooperative",
                phone="0912 999 888",
                product="Mỳ Chũ gạo bao thai",
                category="my-bun",
                level="provincial",
                year="2016",
                trademark="",
                trademark_kind="",
            )
        ),
    )
    (producer,) = [o for o in job.preview["outcomes"] if o["entity"] == "producers"]
    assert producer["status"] == "updated"
    assert producer["fields"] == ["phone"]


def test_the_catalog_changing_after_the_preview_writes_nothing(editor_client, world):
    job = upload(editor_client, sheet(row()))
    upload_again = upload(editor_client, sheet(row()))
    editor_client.post(f"/admin/import/{upload_again.pk}/confirm/")
    before = snapshot()
    editor_client.post(f"/admin/import/{job.pk}/confirm/")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.STALE
    assert snapshot() == before


def test_cancel_writes_nothing(editor_client, world):
    before = snapshot()
    job = upload(editor_client, sheet(row()))
    assert editor_client.post(f"/admin/import/{job.pk}/cancel/").status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CANCELLED
    assert editor_client.post(f"/admin/import/{job.pk}/confirm/").status_code == 302
    assert snapshot() == before


def test_errors_are_shown_by_row_and_column(editor_client, world):
    before = snapshot()
    job = upload(editor_client, sheet(row(), row(level="cấp huyện", year="năm ngoái")))
    assert job.status == ImportJob.Status.INVALID
    html = editor_client.get(f"/admin/import/{job.pk}/").content.decode()
    assert "<td>3</td><td>level</td>" in html
    assert "<td>3</td><td>year</td>" in html
    assert "Cấp tỉnh (provincial)" in html
    assert "/confirm/" not in html
    assert snapshot() == before


def test_a_file_too_large_or_of_another_kind_is_refused_with_a_reason(editor_client, world):
    big = SimpleUploadedFile("to.csv", b"x" * (MAX_UPLOAD + 1))
    html = editor_client.post("/admin/import/", {"file": big}).content.decode()
    assert "MB" in html
    html = editor_client.post(
        "/admin/import/", {"file": SimpleUploadedFile("a.pdf", b"%PDF")}
    ).content.decode()
    assert ".xlsx" in html
    assert not ImportJob.objects.exists()


def test_an_xlsx_upload_works(editor_client, world):
    from products.importing.exporter import to_xlsx

    job = upload(editor_client, to_xlsx([row()]), name="danh-sach.xlsx")
    assert job.status == ImportJob.Status.PREVIEWED


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(editor_client, world, kind):
    response = editor_client.get(f"/admin/import/export/?format={kind}")
    assert response.status_code == 200
    content = response.content
    name = f"xuat.{kind}"
    before = snapshot()
    job = upload(editor_client, content, name=name)
    assert job.status == ImportJob.Status.PREVIEWED, job.preview["problems"]
    assert job.preview["outcomes"]
    assert {o["status"] for o in job.preview["outcomes"]} == {"unchanged"}
    editor_client.post(f"/admin/import/{job.pk}/confirm/")
    assert snapshot() == before


def test_the_template_lists_columns_and_allowed_values(editor_client, world):
    response = editor_client.get("/admin/import/template/?format=xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book.worksheets[0][1]] == list(COLUMNS)
    allowed = {r[0].value: r[1].value for r in book["allowed values"].iter_rows(min_row=2)}
    assert "Hợp tác xã (cooperative)" in allowed["producer_type"]
    assert "Chỉ dẫn địa lý (geographical)" in allowed["trademark_kind"]
    csv_template = editor_client.get("/admin/import/template/?format=csv").content
    assert csv_template.decode("utf-8-sig").splitlines()[0] == ",".join(COLUMNS)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/import/",
        "/admin/import/export/",
        "/admin/import/template/",
    ],
)
def test_producers_cannot_import_or_export(client, world, url):
    client.force_login(world.a)
    assert client.get(url).status_code == 403
    assert client.post("/admin/import/", {"file": SimpleUploadedFile("a.csv", sheet(row()))})
    assert not ImportJob.objects.exists()


def test_producers_cannot_confirm_an_editors_import(client, world):
    client.force_login(world.editor)
    job = upload(client, sheet(row()))
    client.force_login(world.a)
    assert client.post(f"/admin/import/{job.pk}/confirm/").status_code == 403
    assert client.get(f"/admin/import/{job.pk}/").status_code == 403
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEWED


def test_the_command_takes_the_same_labels(tmp_path, world):
    from django.core.management import call_command

    path = tmp_path / "sheet.csv"
    path.write_bytes(sheet(row(producer_type="hop tac xa", trademark_kind="geographical")))
    call_command("import_catalog", str(path), stdout=io.StringIO())
    assert ProductPage.objects.get(title="Giỏ mây đan tay").trademark.kind == "geographical"
