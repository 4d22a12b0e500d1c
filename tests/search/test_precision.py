"""Issue 11's precision contract, on the database, OpenSearch and Elasticsearch alike: every
word typed must match, diacritics as typed, typos forgiven only where they cannot turn one
word into another, and only then some of the words, said so."""

import pytest
from django.utils import translation

from products.templatetags.product_tags import catalog_summary
from search.service import partial_notice
from tests.search import precision_data
from tests.search.api_client import api, titles

pytestmark = pytest.mark.django_db

MY_CHU = {"Mỳ Chũ gạo lứt", "Mỳ Chũ gạo bao thai"}


@pytest.fixture(scope="module")
def contract_catalog(django_db_setup, django_db_blocker):
    """This module's catalog, for the `backend` fixture (tests/search/conftest.py)."""
    from tests.search.conftest import clear_catalog

    with django_db_blocker.unblock():
        data = precision_data.build()
    yield data
    with django_db_blocker.unblock():
        clear_catalog()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mỳ chũ", MY_CHU),  # not "mỹ nghệ" + "chủ yếu"
        ("bánh đa kế", {"Bánh đa Kế vừng đen"}),  # not "bánh mì" + "đá" + "kèm"
        ("gốm thổ hà", {"Chum sành Thổ Hà"}),  # not "gốm" + "hạ thổ"
        ("đồng phú", {"Chè xanh Đồng Phú"}),  # not "tự động" + "phút" + "phủ"
        ("thieu", {"Vải thiều sấy khô"}),  # not "hiệu" (one letter less)
    ],
)
def test_every_word_as_typed(client, backend, typed, expected):
    body = api(client, q=typed)
    assert body["backend"] == backend
    assert (set(titles(body)), body["match"]) == (expected, "all")


def test_typed_diacritics_come_first_and_folded_matches_never_above(client, backend):
    found = titles(api(client, q="mi chu"))  # no diacritics: every spelling, "mỹ", "chủ" too
    assert set(found[:2]) == MY_CHU
    assert {"Chum sành Thổ Hà", "Giỏ mây đựng quà"} <= set(found[2:])
    assert set(titles(api(client, q="mỳ chu"))) == MY_CHU  # "mỳ" as typed, "chu" any way


def test_neighbouring_words_rank_higher_side_by_side_in_the_title(client, backend):
    # Both titles hold both words; the shorter one would come first without the phrase.
    assert titles(api(client, q="hoa vàng")) == [
        "Rượu nếp cái hoa vàng Vân Hương",
        "Trà vàng hoa sen",
    ]


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ("thiue say", "all"),  # a long word with two letters swapped is forgiven
        ("htieu say", "any"),  # but not in its first two letters ("thieu" -> "hieu")
        ("sey vai", "any"),  # nor in a short word
        ("say thiue", "any"),  # nor in the last, half-typed word
    ],
)
def test_fuzzy_limits(client, backend, typed, match):
    body = api(client, q=typed)
    assert body["match"] == match
    if match == "all":
        assert titles(body) == ["Vải thiều sấy khô"]


def test_a_word_that_is_there_is_never_widened(client, backend):
    """One wrong letter is only tried when nothing holds every word as typed."""
    assert titles(api(client, q="thieu say")) == ["Vải thiều sấy khô"]  # not "thiết bị sấy"


def test_some_of_the_words_only_when_none_has_them_all_and_said_so(client, backend):
    body = api(client, q="mỳ gốm")
    assert body["match"] == "any"
    assert set(titles(body)) >= MY_CHU
    page = client.get("/tim-kiem/", {"q": "mỳ gốm"})
    notice = page.context["partial_notice"]
    assert notice
    assert notice in page.content.decode()
    assert client.get("/tim-kiem/", {"q": "mỳ chũ"}).context["partial_notice"] == ""
    with translation.override("vi"):
        assert partial_notice(page.context["result"]) == (
            "Không có kết quả chứa tất cả các từ; đây là kết quả chứa một phần"
        )


def test_the_snippet_shows_where_the_words_are(client, backend):
    hit = api(client, q="hun khoi chuoi")["results"][0]
    assert hit["title"] == "Gà đồi hun khói"
    summary = hit["highlight"]["summary"]
    assert "<mark>chuối</mark>" in summary
    assert "<mark>khói</mark>" in summary


def test_kind_facet_counts_products_and_producers(client, backend):
    body = api(client)  # the API answers products unless asked
    kinds = {v["value"]: (v["count"], v["selected"]) for v in body["facets"]["kind"]}
    assert kinds == {"product": (14, True), "producer": (6, False)}
    assert body["count"] == 14
    producers = api(client, kind="producer", q="lang nghe")
    assert {r["title"] for r in producers["results"]} == {
        "Làng nghề mỳ Chũ",
        "Làng nghề gốm Thổ Hà",
        "Làng nghề bánh đa Kế",
    }


def test_the_products_menu_and_the_home_page_agree(client, backend):
    summary = catalog_summary()
    page = client.get("/tim-kiem/", {"kind": "product"})
    assert page.context["result"].count == summary["product_count"] == 14
    everything = client.get("/tim-kiem/")
    assert everything.context["result"].count == 20
    levels = {f["field"]: f for f in everything.context["facets"]}["level"]
    counted = {v["value"]: v["count"] for v in levels["values"]}
    assert counted == {value: n for value, _label, n in summary["levels"] if n}
    header = client.get("/").content.decode()
    assert "/tim-kiem/?kind=product" in header
