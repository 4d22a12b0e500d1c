"""Pages of hits that tie on every sort key hold each hit once, on every database."""

import pytest

from tests.search.conftest import BackendSettings, rebuild


@pytest.mark.parametrize("sort", ["relevance", "name", "newest"])
@pytest.mark.django_db
def test_pages_of_same_named_hits_split_them_without_repeats_or_gaps(client, sort):
    """On the database backend, hits that tie on every sort key (the same product name)
    still page in one order: PostgreSQL leaves ties in any order, a page at a time."""
    from tests.factories import ProductPageFactory

    made = {ProductPageFactory(title="Giỏ mây").pk for _ in range(30)}
    with BackendSettings("database"):
        rebuild()
        seen = []
        for page in range(1, 6):
            params = {"q": "gio may", "sort": sort, "page": page, "page_size": 6}
            seen += [r["id"] for r in client.get("/api/v1/search", params).json()["results"]]
    assert sorted(seen) == sorted(made)
