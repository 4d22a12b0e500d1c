"""One error contract and one declaration per listing: every list endpoint answers the same
malformed value the same way, the OpenAPI schema says so, the HTML pages shrug garbage off,
and the declared filters are what each consumer uses."""

import pytest
from django.core.validators import MaxValueValidator, MinValueValidator

from catalog.base.years import FIRST_YEAR, LAST_YEAR, year_validators
from catalog.home.models import BulletinPage
from catalog.home.wagtail_hooks import DraftBulletinForm
from catalog.urls import api
from fairs.filters import FAIR_FILTERS
from fairs.models import FairIndexPage
from fairs.structure import ensure_sections
from products.filters import (
    PRODUCER_FILTERS,
    PRODUCT_FACETS,
    PRODUCT_FILTERS,
    TRADEMARK_FILTERS,
)
from products.models import Certification
from search.facets import FACET_FIELDS, FACETS, KIND
from search.query import SEARCH_FILTERS, SUGGEST_FILTERS

pytestmark = pytest.mark.django_db

LISTS = {
    "/api/v1/products": PRODUCT_FILTERS,
    "/api/v1/producers": PRODUCER_FILTERS,
    "/api/v1/trademarks": TRADEMARK_FILTERS,
    "/api/v1/fairs": FAIR_FILTERS,
    "/api/v1/search": SEARCH_FILTERS,
    "/api/v1/suggest": SUGGEST_FILTERS,
}
LONG = "x" * 2_000
MALFORMED = [
    ("page", "abc"),
    ("page", "0"),
    ("page", "-1"),
    ("page", "99999999999999999999"),
    ("page", "one two three four five"),
    ("page", LONG),
    ("page_size", "1000"),
    ("page_size", "0"),
    ("year", "abc"),
    ("year", "1800"),
    ("year", "99999999999999999999"),
    ("level", "bogus"),
    ("level", "<script>alert(1)</script>"),
    ("level", LONG),
    ("q", LONG),
    ("district", "<b>x</b>"),
    ("district", LONG),
    ("category", "not a slug"),
    ("scope", "galactic"),
    ("upcoming", "maybe"),
    ("producer", "99999999999999999999"),
    ("owner", "abc"),
    ("owner", "10000000000000000000"),
]


def answers(client, name, value, extra=""):
    """{(status, body)} over every list endpoint that declares `name`."""
    seen = {}
    for path, filters in LISTS.items():
        if name in filters.names:
            response = client.get(f"{path}?{name}={value}{extra}")
            assert response["Content-Type"].startswith("application/json"), path
            seen[path] = (response.status_code, response.content.decode())
    assert seen, f"no endpoint declares {name}"
    return seen


@pytest.mark.parametrize(("name", "value"), MALFORMED)
def test_a_malformed_value_gets_the_same_422_on_every_endpoint(client, name, value):
    seen = answers(client, name, value)
    assert len(set(seen.values())) == 1, seen
    status, body = next(iter(seen.values()))
    assert status == 422
    response = client.get(f"{next(iter(seen))}?{name}={value}")
    (issue,) = response.json()["detail"]
    assert set(issue) == {"type", "loc", "msg"}
    assert issue["loc"] == ["query", name]
    assert issue["msg"]
    assert "<" not in body


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("year=", 200),  # an empty value is an absent parameter
        ("page=", 200),
        ("level=", 200),
        ("page=abc&page=1", 200),  # a repeated parameter: its last value counts
        ("page=1&page=abc", 422),
        ("page= 1 ", 200),  # surrounding spaces are ignored
    ],
)
def test_empty_and_repeated_parameters_follow_one_rule(client, query, status):
    for path, filters in LISTS.items():
        if query.split("=")[0] in filters.names:
            assert client.get(f"{path}?{query}").status_code == status, path


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("category=khong-co", "Unknown category: 'khong-co'."),
        ("district=khong-co", "Unknown district: 'khong-co'."),
        ("producer=999999", "Unknown producer: 999999."),
        ("owner=999999", "Unknown owner: 999999."),
    ],
)
def test_an_unknown_value_gets_the_same_400_on_every_endpoint(client, query, detail):
    name = query.split("=")[0]
    paths = [p for p, filters in LISTS.items() if name in filters.names]
    assert paths
    for path in paths:
        response = client.get(f"{path}?{query}")
        assert (response.status_code, response.json()) == (400, {"detail": detail}), path


def test_a_page_past_the_end_is_the_same_404_on_every_endpoint(client):
    for path, filters in LISTS.items():
        if "page" in filters.names:
            response = client.get(path, {"page": 2})
            assert response.status_code == 404, path
            assert response.json() == {"detail": "Page 2 is past the last page of 0 items."}


def test_huge_ids_in_the_path_are_404_not_500(client):
    for path in ("products", "producers", "trademarks", "fairs"):
        for huge in ("9223372036854775808", "99999999999999999999"):  # 2**63, and more
            response = client.get(f"/api/v1/{path}/{huge}")
            assert response.status_code == 404, path
            assert set(response.json()) == {"detail"}


def test_the_openapi_schema_documents_the_error_answers(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert components["Error"]["properties"]["detail"]["type"] == "string"
    assert set(components["ValidationIssue"]["required"]) == {"type", "loc", "msg"}
    expected = {"400": "Error", "404": "Error", "422": "ValidationErrors"}
    for path in ("products", "producers", "trademarks", "fairs", "search"):
        responses = schema["paths"][f"/api/v1/{path}"]["get"]["responses"]
        refs = {
            code: responses[code]["content"]["application/json"]["schema"]["$ref"]
            for code in expected
        }
        assert refs == {c: f"#/components/schemas/{n}" for c, n in expected.items()}, path
    suggest = schema["paths"]["/api/v1/suggest"]["get"]["responses"]
    assert set(suggest) == {"200", "422"}
    for path in ("products", "producers", "trademarks", "fairs"):
        detail = next(p for p in schema["paths"] if p.startswith(f"/api/v1/{path}/{{"))
        assert set(schema["paths"][detail]["get"]["responses"]) == {"200", "404"}


def test_the_api_parameters_are_the_declared_filters():
    schema = api.get_openapi_schema()
    for path, filters in LISTS.items():
        parameters = schema["paths"][path]["get"]["parameters"]
        assert [p["name"] for p in parameters] == list(filters.names), path
        assert all(p["in"] == "query" and not p["required"] for p in parameters)
    year = next(
        p for p in schema["paths"]["/api/v1/products"]["get"]["parameters"] if p["name"] == "year"
    )
    assert (year["schema"]["minimum"], year["schema"]["maximum"]) == (FIRST_YEAR, LAST_YEAR)


def test_the_search_facets_are_the_kind_and_the_declared_product_facets():
    assert [facet.filter for facet in FACETS] == [KIND, *PRODUCT_FACETS]
    assert FACET_FIELDS == (
        "kind",
        "category",
        "level",
        "year",
        "district",
        "producer_type",
        "has_trademark",
    )
    # Where the products list and the search share a filter, it is the same declaration.
    for facet in FACETS:
        if facet.field in PRODUCT_FILTERS.names:
            assert PRODUCT_FILTERS[facet.field] is facet.filter
        assert SEARCH_FILTERS[facet.field] is facet.filter


def test_one_year_range_everywhere():
    years = FACETS[FACET_FIELDS.index("year")].options()
    assert (min(map(int, years)), max(map(int, years))) == (FIRST_YEAR, LAST_YEAR)
    bounds = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    assert year_validators() == bounds
    assert Certification._meta.get_field("year").validators[-2:] == bounds
    assert BulletinPage._meta.get_field("year").validators[-2:] == bounds
    form = DraftBulletinForm()
    assert (form.fields["year"].min_value, form.fields["year"].max_value) == (FIRST_YEAR, LAST_YEAR)
    for filters in (PRODUCT_FILTERS, FAIR_FILTERS, SEARCH_FILTERS):
        assert (filters["year"].min_value, filters["year"].max_value) == (FIRST_YEAR, LAST_YEAR)


GARBAGE = [
    {"page": "abc"},
    {"page": "99999999999999999999"},
    {"page_size": "1000"},
    {"year": "abc"},
    {"year": "1800"},
    {"year": ""},
    {"level": "bogus"},
    {"district": "<b>x</b>"},
    {"district": "khong-co"},
    {"legal_form": LONG},
    {"scope": "galactic"},
    {"category": LONG},
    {"q": LONG},
    {"sort": "random"},
]


@pytest.mark.parametrize("params", GARBAGE)
def test_html_pages_answer_200_to_garbage(client, catalog, params):
    producers = catalog["producers"]["chu"].get_parent()
    for url in (producers.url, ensure_sections()[FairIndexPage].url, "/tim-kiem/"):
        response = client.get(url, params)
        assert response.status_code == 200, url


def test_html_pages_read_the_same_declarations(client, catalog):
    """The producers index offers the declared choices, ignores what the declaration rejects
    and applies what it accepts."""
    index = catalog["producers"]["chu"].get_parent()
    district = catalog["districts"]["luc_ngan"].slug
    everyone = client.get(index.url).context
    assert everyone["legal_forms"] == list(PRODUCER_FILTERS["legal_form"].choices().items())
    rejected = client.get(index.url, {"district": "<b>x</b>", "legal_form": "alien"}).context
    assert len(rejected["producers"]) == len(everyone["producers"])
    assert (rejected["selected_district"], rejected["selected_legal_form"]) == (None, "")
    narrowed = client.get(index.url, {"district": district}).context
    assert 0 < len(narrowed["producers"]) < len(everyone["producers"])
    assert narrowed["selected_district"].slug == district
