"""The printed catalog of a search selection: built by a task, parsed back with pypdf, kept
until the catalog changes, and refused with a message over its limit."""

import io

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from pypdf import PdfReader

from search import catalog_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def build(client, **params):
    response = client.get("/tim-kiem/danh-muc/", params)
    assert response.status_code == 302
    status_url = response["Location"]
    status = client.get(status_url)  # the tests' immediate backend has run the task
    assert status.status_code == 200
    html = status.content.decode()
    assert "Tải danh mục PDF" in html
    key = status_url.rstrip("/").rsplit("/", 1)[1]
    download = client.get(f"{status_url}tai-ve/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return key, reader, text


def test_the_catalog_of_a_facet_selection(client, catalog):
    _key, reader, text = build(client, category="thu-cong")
    assert len(reader.pages) == 3  # cover, contents, one category
    assert "TRUNG TÂM KHUYẾN CÔNG" in text.upper()  # the cover's centre name
    assert "Danh mục sản phẩm được chứng nhận" in text
    assert "Mục lục" in text
    assert "Thủ công mỹ nghệ" in text
    assert "Làn mây đan tay" in text
    assert "Khay tre cuốn" in text
    assert "Mỳ Chũ" not in text
    assert "Quốc gia" in text
    assert "Mã xác minh" in text


def test_the_query_text_is_kept(client, catalog):
    _key, _reader, text = build(client, q="bao thai")
    assert "Mỳ Chũ gạo bao thai" in text
    assert "Tìm kiếm: “bao thai”" in text
    assert "Gà đồi" not in text
    assert "0204 3882 111" in text  # the producer's contacts


def test_the_file_is_kept_until_the_catalog_changes(client, catalog):
    key, _reader, _text = build(client, category="thu-cong")
    name = catalog_pdf.file_name(key)
    built = default_storage.get_modified_time(name)
    again, _reader, _text = build(client, category="thu-cong")
    assert again == key
    assert default_storage.get_modified_time(name) == built
    product = catalog["products"]["khay"]
    product.title = "Khay tre cuốn sơn mài"
    product.save_revision().publish()
    changed, _reader, text = build(client, category="thu-cong")
    assert changed != key
    assert "Khay tre cuốn sơn mài" in text


def test_a_selection_over_the_limit_gets_a_message(client, catalog, monkeypatch):
    monkeypatch.setattr(catalog_pdf, "CATALOG_PDF_LIMIT", 2)
    response = client.get("/tim-kiem/danh-muc/")
    assert response.status_code == 200
    assert "tối đa 2 sản phẩm" in response.content.decode()
    response = client.get("/tim-kiem/danh-muc/", {"q": "xyzqwvk"})
    assert "không có danh mục để in" in response.content.decode()


def test_progress_shows_and_refreshes_and_unknown_keys_are_not_found(client, catalog):
    key = "a" * 64
    catalog_pdf._set_status(key, state="running", done=10, total=40)
    response = client.get(f"/tim-kiem/danh-muc/{key}/")
    assert response["Refresh"] == "3"
    assert "10 trên 40" in response.content.decode()
    assert client.get(f"/tim-kiem/danh-muc/{key}/tai-ve/").status_code == 404
    for bad in ("b" * 64, "not-a-key", "../../etc/passwd"):
        assert client.get(f"/tim-kiem/danh-muc/{bad}/").status_code == 404


def test_the_search_page_links_to_the_catalog_with_its_selection(client, catalog):
    html = client.get("/tim-kiem/", {"q": "mỳ", "category": "my-bun"}).content.decode()
    assert "/tim-kiem/danh-muc/?q=m%E1%BB%B3&amp;category=my-bun" in html
