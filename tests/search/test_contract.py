"""One contract, three backends: the database, OpenSearch and Elasticsearch answer the same
queries over the same catalog with the same results."""

import unicodedata

import pytest

from search import service
from search.query import parse
from tests.search.api_client import api, titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vai thieu", "Vải thiều Lục Ngạn sấy khô"),  # no diacritics
        ("VẢI THIỀU", "Vải thiều Lục Ngạn sấy khô"),  # upper case
        (unicodedata.normalize("NFD", "vải thiều"), "Vải thiều Lục Ngạn sấy khô"),  # NFD input
        ("banh da ke", "Bánh đa Kế"),  # đ typed as d
        ("Đa Kế", "Bánh đa Kế"),
        ("chè xanh hoà bình", "Chè xanh Hòa Bình"),  # old tone placement, data has the new
        ("nuoc mam thủy phương", "Nước mắm Thuỷ Phương"),  # new placement, data has the old
        ("mì chũ", "Mỳ Chũ gạo bao thai"),  # i/y after a consonant
        ("máy tuốt lúa kĩ thuật", "Máy tuốt lúa kỹ thuật mới"),
        ("ruou lang van", "Rượu làng Vân"),
        ("vai thi", "Vải thiều Lục Ngạn sấy khô"),  # half a word
    ],
)
def test_vietnamese_as_buyers_type_it(client, backend, typed, expected):
    body = api(client, q=typed)
    assert body["backend"] == backend
    assert titles(body)[:1] == [expected]


def test_exact_diacritics_rank_above_folded_matches(client, backend):
    # "bàn" (table) and "bản" (village) fold to the same word.
    assert titles(api(client, q="bàn"))[0] == "Bàn ghế tre Tăng Tiến"
    assert titles(api(client, q="bản"))[0] == "Mật ong Bản Pác"
    assert set(titles(api(client, q="ban"))) >= {"Bàn ghế tre Tăng Tiến", "Mật ong Bản Pác"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("thiue luc ngan", "Vải thiều Lục Ngạn sấy khô"),  # "thieu" with two letters swapped
        ("phuomg nuoc mam", "Nước mắm Thuỷ Phương"),  # "phuong", one letter replaced
        ("tuoot lua", "Máy tuốt lúa kỹ thuật mới"),  # "tuot" with a letter too many
    ],
)
def test_one_wrong_letter_in_a_long_word_is_forgiven(client, backend, typed, expected):
    body = api(client, q=typed)
    assert titles(body)[:1] == [expected]
    assert body["match"] == "all"


def test_the_last_half_typed_word_is_never_fuzzy(client, backend):
    assert api(client, q="thiue")["count"] == 0
    body = api(client, q="nuoc mam phuomg")  # only the first two words match: said so
    assert (titles(body), body["match"]) == (["Nước mắm Thuỷ Phương"], "any")


@pytest.mark.parametrize(
    ("right", "wrong", "expected"),
    [
        ("mat ong", "mot ong", "Mật ong Bản Pác"),  # three letters
        ("tuot lua", "tuat lua", "Máy tuốt lúa kỹ thuật mới"),  # four letters
    ],
)
def test_a_wrong_letter_in_a_short_word_never_matches(client, backend, right, wrong, expected):
    assert titles(api(client, q=right))[:1] == [expected]
    assert api(client, q=wrong)["match"] == "any"  # found by its other word, said so


def test_a_producers_name_or_district_finds_its_products(client, backend):
    assert set(titles(api(client, q="nam giang"))) == {"Mỳ Chũ gạo bao thai", "Bánh đa Kế"}
    assert set(titles(api(client, q="tan yen"))) == {
        "Máy tuốt lúa kỹ thuật mới",
        "Nước mắm Thuỷ Phương",
    }


def test_producers_appear_as_producers(backend):
    result, _notice = service.search(parse({"q": "lang nghe may tre"}))
    kinds = {(hit["kind"], hit["title"]) for hit in result.hits}
    assert ("producer", "Làng nghề mây tre Tăng Tiến") in kinds


def test_facets_count_and_ignore_their_own_selection(client, backend):
    body = api(client, district="luc-ngan")
    assert body["count"] == 5
    district = {v["value"]: (v["count"], v["selected"]) for v in body["facets"]["district"]}
    assert district == {"luc-ngan": (5, True), "tan-yen": (2, False), "viet-yen": (2, False)}
    level = {v["value"]: v["count"] for v in body["facets"]["level"]}
    assert level == {"provincial": 2, "regional": 2, "national": 2}
    category = {v["value"]: v["count"] for v in body["facets"]["category"]}
    assert category == {"thuc-pham": 5, "my-bun": 2}
    assert {v["value"]: v["count"] for v in body["facets"]["has_trademark"]} == {"yes": 1, "no": 4}


def test_facets_combine(client, backend):
    body = api(client, district="luc-ngan", level="national")
    assert set(titles(body)) == {"Vải thiều Lục Ngạn sấy khô", "Rượu làng Vân"}
    assert {v["value"] for v in body["facets"]["producer_type"]} == {"cooperative"}
    body = api(client, q="mat ong", producer_type="cooperative", year="2015")
    assert titles(body) == ["Mật ong Bản Pác"]


def test_sort_orders(client, backend):
    by_name = titles(api(client, sort="name", page_size=50))
    assert by_name[:3] == ["Bàn ghế tre Tăng Tiến", "Bánh đa Kế", "Chè xanh Hòa Bình"]
    newest = api(client, sort="newest", page_size=50)["results"]
    newest_years = [max(c["year"] for c in r["certifications"]) for r in newest]
    assert newest_years == sorted(newest_years, reverse=True)


def test_pagination(client, backend):
    first = api(client, sort="name", page_size=4)
    third = api(client, sort="name", page_size=4, page=3)
    assert first["count"] == 9
    assert len(first["results"]) == 4
    assert titles(third) == ["Vải thiều Lục Ngạn sấy khô"]


def test_highlight_keeps_the_original_diacritics(client, backend):
    hit = api(client, q="vai thieu")["results"][0]
    assert hit["highlight"]["title"] == "<mark>Vải</mark> <mark>thiều</mark> Lục Ngạn sấy khô"


def test_suggestions_after_two_characters(client, backend):
    assert client.get("/api/v1/suggest", {"q": "m"}).json() == {"suggestions": []}
    suggestions = client.get("/api/v1/suggest", {"q": "mỳ ch"}).json()["suggestions"]
    assert {"text": "Mỳ Chũ gạo bao thai", "kind": "product"}.items() <= suggestions[0].items()
    assert suggestions[0]["url"].endswith("/")
    producers = client.get("/api/v1/suggest", {"q": "cong ty co"}).json()["suggestions"]
    assert [(s["text"], s["kind"]) for s in producers] == [("Công ty Cơ khí Tân Yên", "producer")]


@pytest.mark.parametrize(
    ("params", "status", "name"),
    [
        ({"category": "khong-co"}, 400, "category"),
        ({"level": "<script>alert(1)</script>"}, 422, "level"),
        ({"year": "1800"}, 422, "year"),
        ({"page": "-1"}, 422, "page"),
        ({"page": "abc"}, 422, "page"),
        ({"page_size": "100000"}, 422, "page_size"),
        ({"sort": "random"}, 422, "sort"),
        ({"q": "x" * 10_000}, 422, "q"),
        ({"has_trademark": "maybe"}, 422, "has_trademark"),
    ],
)
def test_bad_parameters_get_a_4xx_that_says_what_is_wrong(client, backend, params, status, name):
    """The same contract as every list endpoint (tests/test_api_contract.py): 422 naming the
    malformed parameter, 400 naming the unknown value."""
    response = client.get("/api/v1/search", params)
    assert response.status_code == status
    detail = response.json()["detail"]
    if status == 422:
        assert [issue["loc"] for issue in detail] == [["query", name]]
    else:
        assert detail == "Unknown category: 'khong-co'."
    assert "<script>" not in response.content.decode()


def test_markup_in_the_query_is_never_echoed(client, backend):
    response = client.get("/tim-kiem/", {"q": "<b>mỳ</b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<b>mỳ</b>" not in html
    assert "&lt;b&gt;mỳ&lt;/b&gt;" in html


def test_a_summary_from_rich_text_is_escaped_once(client, backend):
    """The description's markup-as-text ("&lt;script&gt;", "&quot;") is text a reader sees:
    escaped exactly once on the page and in the highlight, plain in the product's JSON."""
    once, twice = "&lt;script&gt;alert(1)&lt;/script&gt;", "&amp;lt;"
    page = client.get("/tim-kiem/", {"q": "ruou lang van"}).content.decode()
    assert f"{once} ủ men &quot;truyền thống&quot; &amp; hương quế</p>" in page
    hit = api(client, q="ruou lang van")["results"][0]
    assert once in hit["highlight"]["summary"]
    assert twice not in page + hit["highlight"]["summary"]
    detail = client.get(f"/api/v1/products/{hit['id']}").json()
    assert (
        detail["description"]
        == 'Rượu nếp cái hoa vàng <script>alert(1)</script> ủ men "truyền thống" & hương quế'
    )


@pytest.mark.parametrize("entity", ["quot", "lt", "amp"])
def test_entity_names_are_not_indexed(client, backend, entity):
    assert titles(api(client, q=entity)) == []
    assert titles(api(client, q="truyen thong")) == ["Rượu làng Vân"]


@pytest.mark.parametrize(
    "params", [{"page": "-1"}, {"page": "999"}, {"year": "abc"}, {"q": "x" * 10_000}]
)
def test_the_search_page_never_fails_on_garbage(client, backend, params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200


def test_empty_state_suggests_what_to_try(client, backend):
    response = client.get("/tim-kiem/", {"q": "khongcogi"})
    assert response.context["result"].count == 0
    assert "vai thieu" in response.content.decode()


@pytest.mark.parametrize("words", [20, 50, 100])
def test_a_long_pasted_sentence_is_searched_on_every_backend(client, backend, words):
    # A title's words over and over; 100 one-letter words still fit in 200 characters.
    word = {20: "vai thieu", 50: "vai", 100: "v"}[words]
    typed = " ".join([word] * (words // len(word.split())))
    assert len(typed.split()) == words
    assert len(typed) <= 200
    body = api(client, q=typed)
    assert body["backend"] == backend
    assert body["notice"] == ""
    found = titles(body)
    assert ("Vải thiều Lục Ngạn sấy khô" in found) if words < 100 else found == []


def test_a_query_of_the_longest_length_is_searched_on_every_backend(client, backend):
    typed = ("máy tuốt lúa kỹ thuật mới " * 10)[:200]
    body = api(client, q=typed)
    assert body["backend"] == backend
    assert body["notice"] == ""
    page = client.get("/tim-kiem/", {"q": typed + " thêm"})
    assert page.status_code == 200
