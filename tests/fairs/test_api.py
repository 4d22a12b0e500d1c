"""`/api/v1/fairs`: list filters and the detail with exhibits, in the other endpoints' style."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    return client.get(f"/api/v1/fairs{path}", params)


def test_list_shape_and_order(client, fairs):
    body = get(client, "").json()
    assert body["count"] == 3  # the draft is not exposed
    item = body["results"][0]
    assert set(item) == {
        "id", "title", "url", "start_date", "end_date", "venue", "city", "country",
        "scope", "organiser", "programme_supported",
    }  # fmt: skip
    assert [r["title"] for r in body["results"]] == [
        "Hội chợ Xuân sắp tới",
        "Hội chợ Triển lãm Quốc tế Việt – Nga 2019",
        "Hội chợ CNNT khu vực phía Bắc 2017",
    ]


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"year": 2017}, ["Hội chợ CNNT khu vực phía Bắc 2017"]),
        ({"scope": "international"}, ["Hội chợ Triển lãm Quốc tế Việt – Nga 2019"]),
        ({"upcoming": "true"}, ["Hội chợ Xuân sắp tới"]),
        ({"upcoming": "false", "scope": "national"}, ["Hội chợ CNNT khu vực phía Bắc 2017"]),
    ],
)
def test_list_filters(client, fairs, params, titles):
    assert [r["title"] for r in get(client, "", **params).json()["results"]] == titles


@pytest.mark.parametrize(
    ("params", "says"), [({"scope": "galactic"}, "scope"), ({"year": "x"}, "year")]
)
def test_bad_filters_get_a_422_naming_the_parameter(client, fairs, params, says):
    response = get(client, "", **params)
    assert response.status_code == 422
    assert says in response.content.decode()


def test_detail_has_exhibits_with_producer_booth_and_products(client, fairs, catalog):
    fair = fairs["2019"]
    body = get(client, f"/{fair.pk}").json()
    assert body["title"] == fair.title
    assert body["scope"] == "international"
    assert body["start_date"] == "2019-09-24"
    assert body["ical_url"] == fair.url + "lich/"
    chu = catalog["producers"]["chu"]
    assert body["exhibits"] == [
        {
            "producer": {"id": chu.pk, "title": chu.title, "url": chu.url},
            "booth": "VN-07",
            "products": [
                {"id": p.pk, "title": p.title, "url": p.url}
                for p in (catalog["products"]["my_chu"], catalog["products"]["my_do"])
            ],
        }
    ]


def test_drafts_and_unknown_ids_are_404(client, fairs):
    assert get(client, f"/{fairs['draft'].pk}").status_code == 404
    assert get(client, "/999999").status_code == 404


def test_openapi_lists_the_fair_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/fairs" in paths
    assert "/api/v1/fairs/{fair_id}" in paths
