"""Upgrading keeps what the search records already hold: the migration that moves facets and
words into their own tables copies them from the old columns."""

import pytest

from tests.migrating import latest_schema_afterwards, migrate  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("catalog_search", "0001_initial")]
AFTER = [("catalog_search", "0002_word_and_facet_tables")]


def test_facets_and_words_are_copied_into_their_tables():
    old = migrate(BEFORE)
    old.get_model("catalog_search", "SearchRecord").objects.create(
        key="product-1",
        kind="product",
        title_folded=" vai thieu ",
        title_exact=" va3i thie6u2 ",
        text_folded=" vai thieu luc ngan vai ",
        text_exact=" va3i thie6u2 lu5c nga6n ",
        facets="level=national level=regional year=2018 district=luc-ngan",
        sort_name="vai thieu",
        newest_year=2018,
        document={"id": "product-1"},
    )

    new = migrate(AFTER)
    record = new.get_model("catalog_search", "SearchRecord").objects.get(key="product-1")
    words = new.get_model("catalog_search", "SearchWord").objects.filter(record=record)
    facets = new.get_model("catalog_search", "SearchFacetValue").objects.filter(record=record)
    assert sorted(words.values_list("word", flat=True)) == ["luc", "ngan", "thieu", "vai"]
    assert sorted(facets.values_list("field", "value")) == [
        ("district", "luc-ngan"),
        ("level", "national"),
        ("level", "regional"),
        ("year", "2018"),
    ]
