"""The read-only JSON API: shapes, filters, bad parameters, and drafts never exposed."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    return client.get(f"/api/v1/{path}", params)


def test_product_list_shape(client, catalog):
    body = get(client, "products").json()
    assert body["count"] == 5
    item = next(r for r in body["results"] if r["title"] == "Mỳ Chũ gạo bao thai")
    chu = catalog["producers"]["chu"]
    brief = {"scheme_label": "Sản phẩm CNNT tiêu biểu", "ocop_stars": None, "expires_on": None}
    brief |= {"revoked_on": None, "state": "no_expiry", "state_label": "Không thời hạn"}
    for c in item["certifications"]:
        code = c.pop("code")
        assert c.pop("verification_url") == f"/xac-minh/{code}/"
        assert c.pop("level_label") in {"Cấp tỉnh", "Khu vực phía Bắc"}
    assert item == {
        "id": catalog["products"]["my_chu"].pk,
        "title": "Mỳ Chũ gạo bao thai",
        "url": catalog["products"]["my_chu"].url,
        "producer": {"id": chu.pk, "title": chu.title, "url": chu.url},
        "category": {"slug": "my-bun", "name": "Mỳ, bún"},
        "certifications": [
            {**brief, "scheme": "cnnt", "level": "regional", "year": 2017},
            {**brief, "scheme": "cnnt", "level": "provincial", "year": 2016},
        ],
    }
    assert item["url"].startswith("/")
    assert item["url"].endswith("/")


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"category": "thuc-pham"}, {"Mỳ Chũ gạo bao thai", "Mỳ gạo đỏ", "Gà đồi ủ muối"}),
        ({"level": "national"}, {"Làn mây đan tay"}),
        ({"year": 2016}, {"Mỳ Chũ gạo bao thai", "Khay tre cuốn"}),
        ({"district": "luc-ngan"}, {"Mỳ Chũ gạo bao thai", "Mỳ gạo đỏ"}),
        ({"district": "yen-the", "level": "regional"}, {"Gà đồi ủ muối"}),
    ],
)
def test_product_filters(client, catalog, params, titles):
    body = get(client, "products", **params).json()
    assert {r["title"] for r in body["results"]} == titles
    assert body["count"] == len(titles)


def test_product_filter_by_producer(client, catalog):
    body = get(client, "products", producer=catalog["producers"]["may"].pk).json()
    assert {r["title"] for r in body["results"]} == {"Làn mây đan tay", "Khay tre cuốn"}


def test_pagination(client, catalog):
    first = get(client, "products", page_size=2).json()
    second = get(client, "products", page_size=2, page=3).json()
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert len(second["results"]) == 1


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"page": 0}, 422, "page"),
        ({"page": -1}, 422, "page"),
        ({"page": "abc"}, 422, "page"),
        ({"page_size": 101}, 422, "page_size"),
        ({"page_size": 100000}, 422, "page_size"),
        ({"level": "planetary"}, 422, "level"),
        ({"year": "twenty"}, 422, "year"),
        ({"year": 1800}, 422, "year"),
        ({"category": "khong-co"}, 400, "Unknown category"),
        ({"district": "khong-co"}, 400, "Unknown district: 'khong-co'."),
        ({"district": "<b>x</b>"}, 422, "district"),  # not a slug: malformed, never echoed
        ({"producer": 999999}, 400, "Unknown producer"),
        ({"page": 50}, 404, "past the last page"),
    ],
)
def test_bad_parameters_get_a_4xx_that_says_what_is_wrong(client, catalog, params, status, says):
    response = get(client, "products", **params)
    assert response.status_code == status
    assert says in response.content.decode()
    assert "<b>" not in response.content.decode() or response["Content-Type"].startswith(
        "application/json"
    )


def test_product_detail_is_the_full_record(client, catalog):
    product = catalog["products"]["my_chu"]
    body = get(client, f"products/{product.pk}").json()
    assert body["trademark"]["registration_number"] == "4-0123456-000"
    assert body["specifications"].keys() >= {"ingredients", "packaging", "shelf_life"}
    assert [c["year"] for c in body["certifications"]] == [2017, 2016]
    assert body["certifications"][0].keys() >= {"decision_number", "issuing_body", "ocop_stars"}


def test_drafts_are_never_exposed(client, catalog):
    product = catalog["products"]["khay"]
    product.unpublish()
    draft = catalog["products"]["ga"]
    draft.title = "Bản nháp chưa duyệt"
    draft.save_revision()
    body = get(client, "products").json()
    assert product.pk not in {r["id"] for r in body["results"]}
    assert "Bản nháp chưa duyệt" not in str(body)
    assert get(client, f"products/{product.pk}").status_code == 404
    assert get(client, f"products/{catalog['producers']['chu'].pk}").status_code == 404


def test_unpublished_producer_disappears_with_its_products(client, catalog):
    producer = catalog["producers"]["may"]
    producer.unpublish()
    assert get(client, f"producers/{producer.pk}").status_code == 404
    assert producer.pk not in {r["id"] for r in get(client, "producers").json()["results"]}


def test_producers_list_and_detail(client, catalog):
    body = get(client, "producers", district="yen-the").json()
    assert {r["title"] for r in body["results"]} == {
        "Cơ sở mây tre đan Tăng Tiến",
        "Công ty TNHH Gà đồi Yên Thế",
    }
    assert get(client, "producers", legal_form="household").json()["count"] == 1
    assert get(client, "producers", legal_form="alien").status_code == 422
    chu = catalog["producers"]["chu"]
    detail = get(client, f"producers/{chu.pk}").json()
    assert detail["phone"] == "0204 3882 111"
    assert {p["title"] for p in detail["products"]} == {"Mỳ Chũ gạo bao thai", "Mỳ gạo đỏ"}
    assert detail["trademarks"][0]["mark"] == "Mỳ Chũ"


def test_trademarks_list_and_detail(client, catalog):
    mark = catalog["trademark"]
    body = get(client, "trademarks", kind="collective").json()
    assert body["count"] == 1
    assert body["results"][0]["url"] == mark.get_url()
    detail = get(client, f"trademarks/{mark.pk}").json()
    assert detail["products"][0]["title"] == "Mỳ Chũ gạo bao thai"
    assert detail["owner"]["id"] == catalog["producers"]["chu"].pk
    assert get(client, "trademarks/999999").status_code == 404


def test_openapi_schema_lists_every_endpoint(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/products",
        "/api/v1/products/{product_id}",
        "/api/v1/producers",
        "/api/v1/producers/{producer_id}",
        "/api/v1/trademarks",
        "/api/v1/trademarks/{trademark_id}",
    } <= set(schema["paths"])


def test_api_is_read_only(client, catalog):
    assert client.post("/api/v1/products", {}).status_code == 405
    assert client.delete(f"/api/v1/products/{catalog['products']['ga'].pk}").status_code == 405


def test_pages_of_same_named_producers_split_them_without_repeats_or_gaps(client):
    """Names repeat (many a "Hợp tác xã Mây tre đan"): on PostgreSQL an order by title alone
    leaves ties in any order, which each page may draw differently."""
    from tests.factories import ProducerPageFactory

    title = "Hợp tác xã Mây tre đan"
    made = {ProducerPageFactory(title=title, slug=f"htx-may-tre-{n}").pk for n in range(30)}
    seen = []
    for page in range(1, 6):
        body = get(client, "producers", page=page, page_size=6).json()
        seen += [r["id"] for r in body["results"]]
    assert sorted(seen) == sorted(made)


def test_the_api_items_say_an_expired_recognition_is_expired(client, catalog):
    import datetime

    from products.models import Certification

    product = catalog["products"]["ga"]
    product.certifications.add(
        Certification(
            scheme="ocop",
            level="provincial",
            year=2019,
            ocop_stars=4,
            expires_on=datetime.date(2022, 12, 20),
        )
    )
    product.save_revision().publish()
    detail = get(client, f"products/{product.pk}").json()
    search = get(client, "search", q="gà đồi").json()
    item = next(r for r in search["results"] if r["id"] == product.pk)
    for certifications in (detail["certifications"], item["certifications"]):
        ocop = next(c for c in certifications if c["scheme"] == "ocop")
        assert ocop["state"] == "expired"
        assert ocop["state_label"] == "Hết hiệu lực"
        assert ocop["ocop_stars"] == 4
        assert ocop["level_label"] == "Cấp tỉnh"
        assert ocop["verification_url"] == f"/xac-minh/{ocop['code']}/"
