"""The index follows the page tree on every backend, and survives an engine outage."""

import threading

import pytest
from django.core.management import call_command
from django.test import override_settings

from products.models import District
from search import engines, service
from search.backends.engine import EngineBackend, catalog_index
from search.models import PendingIndexChange
from search.query import parse
from tests.factories import small_catalog
from tests.search.conftest import BackendSettings, rebuild

pytestmark = pytest.mark.django_db

ENGINES = ["opensearch", "elasticsearch"]
CLOSED_PORT_URL = "http://127.0.0.1:9"  # discard port: nothing listens, connections are refused


def found(text, **filters):
    result, _notice = service.search(parse({"q": text, **filters}))
    return {hit["title"] for hit in result.hits}


@pytest.fixture(params=["database", *ENGINES])
def indexed(request, db):
    """A small catalog indexed into one backend; changes after this go through the signals."""
    with BackendSettings(request.param) as chosen:
        data = small_catalog()
        rebuild()
        yield data | {"backend": chosen.name}


def test_publish_adds_and_unpublish_removes(indexed, committed):
    product = indexed["products"]["khay"]
    assert "Khay tre cuốn" in found("khay tre")
    with committed():
        product.unpublish()
    assert "Khay tre cuốn" not in found("khay tre")
    with committed():
        product.save_revision().publish()
    assert "Khay tre cuốn" in found("khay tre")


def test_an_edit_is_searchable_once_published_not_before(indexed, committed):
    product = indexed["products"]["ga"]
    product.title = "Gà đồi hấp lá chanh"
    with committed():
        revision = product.save_revision()
    assert not found("la chanh")
    with committed():
        revision.publish()
    assert found("la chanh") == {"Gà đồi hấp lá chanh"}


def test_move_updates_the_producer_in_the_document(indexed, committed):
    product = indexed["products"]["ga"]
    with committed():
        product.move(indexed["producers"]["chu"], pos="last-child")
    assert "Gà đồi ủ muối" in found("nam giang")
    assert "Gà đồi ủ muối" in found("", district="luc-ngan")


def test_delete_removes(indexed, committed):
    with committed():
        indexed["products"]["lang_may"].delete()
    assert "Làn mây đan tay" not in found("lan may")


def test_a_producer_rename_and_move_to_another_district_reach_its_products(indexed, committed):
    producer = indexed["producers"]["may"]
    producer.title = "HTX Mây tre Phúc Hòa"
    producer.district = District.objects.get(slug="luc-ngan")
    with committed():
        producer.save_revision().publish()
    assert found("phuc hoa") >= {"Làn mây đan tay", "Khay tre cuốn", "HTX Mây tre Phúc Hòa"}
    assert {"Làn mây đan tay", "Khay tre cuốn"} <= found("", district="luc-ngan")


@pytest.mark.parametrize("engine", ENGINES)
def test_an_outage_loses_nothing(engine, db, client, committed):
    with BackendSettings(engine) as chosen:
        data = small_catalog()
        rebuild()
        with override_settings(SEARCH_URL=CLOSED_PORT_URL):
            engines._engines.clear()
            product = data["products"]["my_do"]
            product.title = "Mỳ gạo đỏ hữu cơ"
            with committed():
                product.save_revision().publish()  # publishing still works
                data["products"]["khay"].unpublish()
            assert set(PendingIndexChange.objects.values_list("key", flat=True)) >= {
                f"product-{product.pk}",
                f"product-{data['products']['khay'].pk}",
            }
            body = client.get("/api/v1/search", {"q": "gao do huu co"}).json()
            assert body["backend"] == "database"
            assert body["notice"]
            assert [r["title"] for r in body["results"]] == ["Mỳ gạo đỏ hữu cơ"]
            page = client.get("/tim-kiem/", {"q": "my gao"})
            assert page.status_code == 200
            assert page.context["notice"]
        engines._engines.clear()
        assert "Mỳ gạo đỏ hữu cơ" not in found("gao do huu co")  # the engine missed it
        call_command("search_index", "sync", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert PendingIndexChange.objects.count() == 0
        assert found("gao do huu co") == {"Mỳ gạo đỏ hữu cơ"}
        assert "Khay tre cuốn" not in found("khay")
        assert client.get("/api/v1/search", {"q": "my"}).json()["backend"] == chosen.name


@pytest.mark.parametrize("engine", ENGINES)
def test_the_next_successful_write_replays_what_was_missed(engine, db, committed):
    with BackendSettings(engine):
        data = small_catalog()
        rebuild()
        with override_settings(SEARCH_URL=CLOSED_PORT_URL):
            engines._engines.clear()
            with committed():
                data["products"]["khay"].unpublish()
        engines._engines.clear()
        assert "Khay tre cuốn" in found("khay")
        with committed():
            data["products"]["ga"].save_revision().publish()  # any later write
        assert "Khay tre cuốn" not in found("khay")
        assert PendingIndexChange.objects.count() == 0


@pytest.mark.parametrize("engine", ENGINES)
def test_rebuild_swaps_the_alias_while_search_keeps_answering(engine, db):
    with BackendSettings(engine):
        small_catalog()
        first = rebuild()
        live = catalog_index()
        assert live.names() == [first]
        before = found("my")
        second = rebuild()
        assert second != first
        assert live.names() == [second]
        assert found("my") == before
        assert not live.engine.call("indices.exists", index=first)


@pytest.mark.parametrize("engine", ENGINES)
def test_searches_during_a_rebuild_never_come_back_empty(engine, db):
    with BackendSettings(engine):
        small_catalog()
        rebuild()
        backend = EngineBackend(engines.get_engine())
        query = parse({"q": "my"})  # parsed here: the searching thread touches only the engine
        expected = backend.search(query).count
        assert expected > 0
        counts, stop = [], threading.Event()

        def keep_searching():
            while not stop.is_set():
                counts.append(backend.search(query).count)

        searcher = threading.Thread(target=keep_searching)
        searcher.start()
        try:
            for _ in range(3):
                rebuild()
        finally:
            stop.set()
            searcher.join()
        assert len(counts) > 3
        assert set(counts) == {expected}


def test_status_reports_the_database_and_the_engine(db, capsys):
    with BackendSettings("opensearch"):
        small_catalog()
        rebuild()
        call_command("search_index", "status")
        out = capsys.readouterr().out
        assert "database records: 8 (expected 8), 0 missing, 0 extra: in sync" in out
        assert "engine documents: 8 (expected 8), 0 missing, 0 extra: in sync" in out
