"""The engine object owns the index protocol: writes, deletes, rebuilds with an alias swap,
and the list of keys, on both engines."""

import pytest

from search import engines
from search.backends.engine import catalog_index
from search.engines import EngineUnavailable
from tests.search.conftest import BackendSettings

ENGINES = ["opensearch", "elasticsearch"]


def document(pk, title, kind="product"):
    words = title.lower()
    return {
        "id": f"{kind}-{pk}",
        "kind": kind,
        "pk": pk,
        "title": title,
        "title_folded": words,
        "title_exact": words,
        "text_folded": words,
        "text_exact": words,
        "sort_name": words,
        "newest_year": 2020,
    }


def titles(live, word):
    body = {"query": {"match": {"title_folded": word}}}
    return {hit["_source"]["title"] for hit in live.engine.search(live.alias, body)["hits"]["hits"]}


# --- the index protocol, on the real engines -------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_writes_make_the_index_then_upsert_and_delete(engine):
    with BackendSettings(engine):
        live = catalog_index()
        assert live.names() == []
        assert live.keys() == set()
        live.write([document(1, "Gao nep cai hoa vang"), document(2, "Gao tam thom")])
        [first] = live.names()
        assert first.startswith(live.alias + "-")
        assert live.keys() == {"product-1", "product-2"}
        assert titles(live, "gao") == {"Gao nep cai hoa vang", "Gao tam thom"}  # refreshed

        live.write([document(2, "Gao tam xoan")], deletes=["product-1"])
        assert live.keys() == {"product-2"}
        assert titles(live, "gao") == {"Gao tam xoan"}
        live.delete(["product-2", "product-404"])  # a key that is not there is no error
        assert live.keys() == set()
        assert live.names() == [first]  # writes go to the live index, never a new one


@pytest.mark.parametrize("engine", ENGINES)
def test_a_refused_document_raises(engine):
    with BackendSettings(engine):
        live = catalog_index()
        refused = document(3, "Che xanh") | {"pk": "not a number"}
        with pytest.raises(EngineUnavailable, match="1 documents refused, first: .*product-3"):
            live.write([document(1, "Che tan cuong"), refused])


@pytest.mark.parametrize("engine", ENGINES)
def test_rebuild_fills_a_new_index_and_swaps_the_alias(engine, monkeypatch):
    with BackendSettings(engine):
        live = catalog_index()
        live.write([document(1, "Mat ong rung")])
        [old] = live.names()
        documents = [document(n, f"Mien dong {n}") for n in range(2, 9)]
        new = live.rebuild(documents, batch_size=3)  # three batches
        assert new != old
        assert live.names() == [new]
        assert not live.engine.call("indices.exists", index=old)
        monkeypatch.setattr(engines, "KEYS_PAGE_SIZE", 3)  # the keys come in three pages
        assert live.keys() == {d["id"] for d in documents}
        assert len(titles(live, "mien")) == 7


@pytest.mark.parametrize("engine", ENGINES)
def test_a_failed_rebuild_leaves_the_live_index_alone(engine):
    with BackendSettings(engine):
        live = catalog_index()
        live.write([document(1, "Mat ong rung")])
        [old] = live.names()
        with pytest.raises(EngineUnavailable, match="refused"):
            live.rebuild([document(2, "Mien dong"), document(3, "Lua") | {"pk": "x"}])
        assert live.names() == [old]
        assert live.keys() == {"product-1"}
        everything = live.engine.call("indices.get", index=f"{live.alias}-*")
        assert sorted(everything) == [old]  # the half-filled index is gone
