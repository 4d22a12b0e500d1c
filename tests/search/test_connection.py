"""How the site reaches its engine: several node URLs, credentials apart from them, TLS with a
CA file, the index's shards and replicas, never a partial answer, and the system checks that
catch a configuration that would fail or leak later."""

import base64
import logging
import shutil
import ssl
import subprocess
import threading
from http.server import ThreadingHTTPServer

import pytest
from django.core import checks
from django.test import override_settings

from search import engines, service
from search.backends.engine import catalog_index
from search.engines import Engine, EngineUnavailable, get_engine, incomplete, redacted, scrubbed
from search.query import parse
from tests.factories import small_catalog
from tests.search.conftest import BackendSettings, rebuild
from tests.search.test_engine import CLOSED_PORT, ENGINES, _Recorder

SECRET = "pa55-w0rd-only-here"
DOWN = f"http://127.0.0.1:{CLOSED_PORT}"


def serve(handler, context=None):
    """A listener on a free loopback port, over TLS when given a context; stop() ends it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return server.server_port, stop


def recorder(engine):
    return type("Recorder", (_Recorder,), {"distribution": engine, "seen": []})


# --- several URLs, credentials apart ----------------------------------------------------------


def test_several_urls_are_redacted_and_scrubbed_each():
    url = "https://cnnt:s3cr3t-1@a.example.org:9200, https://cnnt:s3cr3t-2@b.example.org:9200"
    assert redacted(url) == "https://***@a.example.org:9200,https://***@b.example.org:9200"
    text = "b.example.org said no to https://cnnt:s3cr3t-2@b.example.org:9200 (s3cr3t-1)"
    assert "s3cr3t" not in scrubbed(text, url)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_node_that_is_down_is_passed_over(engine, db):
    """The first node listed does not answer: the engine is still found and searched."""
    with BackendSettings(engine) as chosen, override_settings(SEARCH_URL=f"{DOWN},{chosen.url}"):
        engines._engines.clear()
        small_catalog()
        rebuild()
        for _ in range(4):  # the client's pool picks nodes in turn: every search is answered
            result, notice = service.search(parse({"q": "khay tre"}))
            assert (result.backend, notice) == (engine, "")
            assert "Khay tre cuốn" in {hit["title"] for hit in result.hits}


@pytest.mark.parametrize("engine", ENGINES)
def test_username_and_password_are_sent_as_basic_auth(engine):
    handler = recorder(engine)
    port, stop = serve(handler)
    try:
        live = Engine(f"http://127.0.0.1:{port}", username="cnnt", password=SECRET)
        assert live.index("test-catalog", {}, ["pk"]).names() == []
    finally:
        stop()
    expected = "Basic " + base64.b64encode(f"cnnt:{SECRET}".encode()).decode()
    assert handler.seen == [expected, expected]


def test_the_password_never_reaches_a_message(db, caplog):
    caplog.set_level(logging.DEBUG)
    engines._engines.clear()
    with override_settings(SEARCH_URL=DOWN, SEARCH_USERNAME="cnnt", SEARCH_PASSWORD=SECRET):
        with pytest.raises(EngineUnavailable) as unavailable:
            get_engine()
        result, _notice = service.search(parse({"q": "khay"}))
    engines._engines.clear()
    assert result.backend == "database"
    assert str(unavailable.value).startswith(DOWN)
    assert SECRET not in str(unavailable.value)
    assert SECRET not in caplog.text


# --- TLS --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (its own CA), made by Debian's openssl."""
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.fail("openssl is missing (apt-get install openssl)")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "engine.pem", folder / "engine.key"
    subprocess.run(  # noqa: S603
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],  # fmt: skip
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return cert, context


@pytest.mark.parametrize("engine", ENGINES)
def test_tls_checks_the_certificate_against_the_ca_file(engine, certificate):
    cert, context = certificate
    handler = recorder(engine)
    port, stop = serve(handler, context)
    url = f"https://127.0.0.1:{port}"
    try:
        with pytest.raises(EngineUnavailable, match="(?i)certificate"):
            Engine(url)  # the system's CAs do not know it
        assert Engine(url, ca_certs=str(cert)).index("test-catalog", {}, ["pk"]).names() == []
        unchecked = Engine(url, verify_certs=False)
        assert unchecked.index("test-catalog", {}, ["pk"]).names() == []
    finally:
        stop()


# --- the index: shards and replicas, whole answers only --------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_a_rebuild_makes_the_index_with_the_configured_shards(engine, db):
    with BackendSettings(engine):
        small_catalog()
        rebuild()
        live = catalog_index()
        [index] = live.names()
        made = live.engine.call("indices.get_settings", index=index)[index]["settings"]["index"]
        assert (made["number_of_shards"], made["number_of_replicas"]) == ("1", "0")  # default
        with override_settings(SEARCH_INDEX_SHARDS=2, SEARCH_INDEX_REPLICAS=0):
            rebuild()
        [index] = live.names()
        made = live.engine.call("indices.get_settings", index=index)[index]["settings"]["index"]
        assert made["number_of_shards"] == "2"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_search_missing_a_shard_is_no_answer(engine, db):
    """An alias over an index whose shard cannot be placed anywhere: the engine would answer
    from the other index alone. The search fails instead, and the database answers."""
    with BackendSettings(engine):
        small_catalog()
        rebuild()
        live = catalog_index()
        lost = f"{live.alias}-lost"
        nowhere = {"index.routing.allocation.require._name": "no-such-node"}
        live.engine.call(
            "indices.create",
            index=lost,
            body={**live.body, "settings": {**live.body["settings"], **nowhere}},
            wait_for_active_shards="0",
        )
        live.engine.call(
            "indices.update_aliases",
            body={"actions": [{"add": {"index": lost, "alias": live.alias}}]},
        )
        with pytest.raises(EngineUnavailable):
            live.engine.search(live.alias, {"query": {"match_all": {}}})
        result, notice = service.search(parse({"q": "khay tre"}))
        assert result.backend == "database"
        assert notice
        assert "Khay tre cuốn" in {hit["title"] for hit in result.hits}


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        ({"_shards": {"total": 3, "successful": 3, "skipped": 0, "failed": 0}}, ""),
        ({"_shards": {"total": 3, "successful": 1, "skipped": 2, "failed": 0}}, ""),
        ({"_shards": {"total": 3, "successful": 2, "failed": 1}}, "1 of 3 shards failed"),
        ({"_shards": {"total": 3, "successful": 2, "failed": 0}}, "only 2 of 3 shards answered"),
        ({"timed_out": True, "_shards": {"total": 1, "successful": 1}}, "the search timed out"),
    ],
)
def test_incomplete_names_what_is_missing(response, problem):
    assert incomplete(response) == problem


# --- system checks ----------------------------------------------------------------------------


def ids(**overrides):
    with override_settings(**overrides):
        return {message.id for message in checks.run_checks() if message.id.startswith("catalog_")}


def test_the_checks_pass_by_default_and_catch_each_mistake(tmp_path):
    assert ids() == set()
    assert ids(SEARCH_INDEX_SHARDS=0) == {"catalog_search.E001"}
    assert ids(SEARCH_INDEX_REPLICAS=-1) == {"catalog_search.E001"}
    assert ids(SEARCH_CA_CERTS=str(tmp_path / "missing.pem")) == {"catalog_search.E002"}
    cluster = "https://search-1.example.org:9200,https://search-2.example.org:9200"
    assert ids(SEARCH_URL=cluster, SEARCH_USERNAME="cnnt") == set()
    assert ids(SEARCH_URL=cluster, SEARCH_VERIFY_CERTS=False) == {"catalog_search.W001"}
    assert ids(SEARCH_URL="http://cnnt:pw@search.example.org:9200") == {"catalog_search.W002"}
    plain = "http://search.example.org:9200"
    assert ids(SEARCH_URL=plain, SEARCH_USERNAME="cnnt") == {"catalog_search.W002"}
    assert ids(SEARCH_URL=plain) == set()  # no password to leak
    assert ids(SEARCH_URL="http://cnnt:pw@127.0.0.1:9200") == set()  # loopback
    assert ids(SEARCH_URL=cluster, SEARCH_VERIFY_CERTS=False, DEBUG=True) == set()
