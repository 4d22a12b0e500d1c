"""Search pages through the first 10,000 results on every backend (the engines' result
window, index.max_result_window): a page beyond it is past the end, never an outage."""

import pytest
from django.utils.html import escape

from search.documents import product_document, searchable_products
from search.index import rebuild
from tests.search.conftest import BACKENDS, BackendSettings

pytestmark = pytest.mark.django_db

MATCHING = 10_050  # documents matching "lua", more than the window


@pytest.fixture(scope="module")
def many(contract_catalog, django_db_blocker):
    """The contract catalog's documents plus copies of one product, enough that a search
    has more results than can be paged through."""
    with django_db_blocker.unblock():
        one = product_document(searchable_products().get(title="Máy tuốt lúa kỹ thuật mới"))
        copies = [{**one, "id": f"product-{n}", "pk": n} for n in range(10**6, 10**6 + MATCHING)]
        yield copies


@pytest.fixture(scope="module", params=BACKENDS)
def deep_backend(request, many, django_db_blocker):
    with django_db_blocker.unblock(), BackendSettings(request.param) as chosen:
        rebuild(many)
        yield chosen.name


def search(client, **params):
    return client.get("/api/v1/search", {"q": "lua", **params})


def test_the_last_page_in_the_window_answers_from_the_backend(client, deep_backend):
    body = search(client, page=100, page_size=100).json()
    assert (body["backend"], body["notice"]) == (deep_backend, "")
    assert body["count"] == MATCHING
    assert len(body["results"]) == 100


def test_a_page_across_the_window_edge_is_cut_at_it(client, deep_backend):
    body = search(client, page=834, page_size=12).json()  # results 9,997 to 10,008
    assert (body["backend"], body["notice"]) == (deep_backend, "")
    assert len(body["results"]) == 4


@pytest.mark.parametrize(("page", "page_size"), [(101, 100), (10_000, 100), (900, 12)])
def test_a_page_beyond_the_window_is_past_the_end(client, deep_backend, page, page_size):
    response = search(client, page=page, page_size=page_size)
    assert response.status_code == 404
    assert response.json() == {
        "detail": f"Page {page} is past the last page search can show: the first 10,000 of "
        f"{MATCHING} results. Narrow the search."
    }


def test_the_search_page_says_so_and_shows_the_last_page_it_can(client, deep_backend):
    response = client.get("/tim-kiem/", {"q": "lua", "page": 5000})
    assert response.status_code == 200
    assert response.context["notice"] == ""  # not the simplified mode of an outage
    assert response.context["result"].backend == deep_backend
    assert response.context["page_obj"].number == 834
    assert len(response.context["hits"]) == 4
    problems = response.context["query"].problems
    assert len(problems) == 1
    assert "10.000" in problems[0]  # in Vietnamese
    assert escape(problems[0]) in response.content.decode()
