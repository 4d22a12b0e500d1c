"""Property: whatever words a buyer types, an answer that says it holds every word ("all")
holds every one of them, as search.matching defines a match, on every backend."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.base.text import exact_key, fold
from search import matching, service
from search.models import SearchRecord
from search.query import parse
from tests.search import precision_data
from tests.search.test_precision import contract_catalog  # noqa: F401 - this module's catalog

pytestmark = pytest.mark.django_db

# Words of the catalog as written, and the same without diacritics, and a few it lacks.
WRITTEN = sorted(
    {
        w
        for _p, title, _c, _certs, intro in precision_data.PRODUCTS
        for w in (title + " " + intro).replace(",", " ").replace(".", " ").replace(";", " ").split()
    }
)
VOCABULARY = WRITTEN + [fold(w) for w in WRITTEN] + ["thiue", "htieu", "sey", "mì", "kĩ", "xyz"]


@st.composite
def typed(draw):
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3))
    cut = draw(st.integers(min_value=1, max_value=len(words[-1])))
    return " ".join([*words[:-1], words[-1][:cut]])  # the last word perhaps half-typed


def holds(record, word, stage):
    """The record holds the query word at this stage, by its indexed words."""
    if word.marked:
        found = record.text_exact.split()
        term = word.exact
    else:
        found = record.text_folded.split()
        term = word.folded
    if word.last:
        return any(w.startswith(term) for w in found)
    if term in found:
        return True
    return stage == "fuzzy" and word.forgivable and any(matching.forgiven(word, w) for w in found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=typed())
def test_an_all_words_answer_never_holds_a_document_missing_a_word(backend, text):
    query = parse({"q": text, "page_size": "100"})
    result, _notice = service.search(query)
    if result.match != matching.ALL or not query.folded_terms:
        return
    records = {
        r.key: r for r in SearchRecord.objects.filter(key__in=[h["id"] for h in result.hits])
    }
    assert len(records) == len(result.hits)
    for hit in result.hits:
        for word in matching.words(query):
            assert holds(records[hit["id"]], word, result.stage), (text, hit["title"], word)
    assert exact_key(text)  # every query here had words
