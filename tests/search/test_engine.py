"""The engine object owns the index protocol (writes, deletes, rebuilds with an alias swap,
the list of keys) on both engines, and SEARCH_URL's credentials reach the engine but never a
message, a log line, the queue or the command's output."""

import base64
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from search import engines, service
from search.backends.engine import catalog_index
from search.engines import Engine, EngineUnavailable, get_engine, redacted, scrubbed
from search.models import PendingIndexChange
from search.query import parse
from tests.factories import small_catalog
from tests.search.conftest import BackendSettings, engine_url, rebuild

ENGINES = ["opensearch", "elasticsearch"]
SECRET = "s3cret"
CLOSED_PORT = 9  # discard port: nothing listens, connections are refused


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


def with_credentials(url, userinfo=f"cnnt:{SECRET}"):
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{userinfo}@{rest}"


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


# --- credentials -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:pass@search.example.org:9200", "https://***@search.example.org:9200"),
        ("https://user:pass@search.example.org", "https://***@search.example.org"),
        ("https://user:p%40ss%2Fw@host:9200/prefix", "https://***@host:9200/prefix"),
        ("https://user:p@ss@host:9200", "https://***@host:9200"),  # an @ left unquoted
        ("http://token@host:9200", "http://***@host:9200"),  # user only
        ("http://user:pass@[::1]:9200", "http://***@[::1]:9200"),
        ("http://127.0.0.1:9200", "http://127.0.0.1:9200"),  # nothing to hide
        ("http://[::1]:9200/", "http://[::1]:9200/"),
    ],
)
def test_redacted_keeps_everything_but_the_credentials(url, shown):
    assert redacted(url) == shown


def test_scrubbed_takes_the_credentials_out_of_any_text():
    url = "http://cnnt:s3cr%40t@127.0.0.1:9200"
    text = (
        f"GET {url}/_search failed; retried http://cnnt:s3cr@t@127.0.0.1:9200 "
        "with auth=('cnnt', 's3cr@t') and header s3cr%40t"
    )
    clean = scrubbed(text, url)
    assert "s3cr" not in clean
    assert "http://***@127.0.0.1:9200/_search" in clean
    assert "cnnt" in clean.split("auth=")[1]  # the user name alone is no secret
    assert scrubbed("opensearch index refused", "http://elastic@host:9200") == (
        "opensearch index refused"
    )  # a user name is taken out only where it sits before an @
    assert scrubbed("no url here", "http://host:9200") == "no url here"


def test_credentials_never_reach_a_message_when_the_engine_is_down(db, caplog, committed):
    data = small_catalog()
    url = with_credentials(f"http://127.0.0.1:{CLOSED_PORT}")
    engines._engines.clear()
    caplog.set_level(logging.DEBUG)
    with override_settings(SEARCH_URL=url):
        with pytest.raises(EngineUnavailable) as unavailable:
            get_engine()
        product = data["products"]["khay"]
        product.title = "Khay tre cuốn sơn mài"
        with committed():
            product.save_revision().publish()  # queued, with the error, and logged
        result, notice = service.search(parse({"q": "khay"}))  # falls back, and logs
        out = StringIO()
        with pytest.raises(CommandError) as status:
            call_command("search_index", "status", stdout=out)
        with pytest.raises(CommandError) as sync:
            call_command("search_index", "sync", stdout=out)
    engines._engines.clear()

    assert f"http://***@127.0.0.1:{CLOSED_PORT}" in str(unavailable.value)
    errors = list(PendingIndexChange.objects.values_list("error", flat=True))
    assert errors
    assert all(f"***@127.0.0.1:{CLOSED_PORT}" in error for error in errors)
    assert result.backend == "database"
    assert notice
    assert "Search engine unavailable" in caplog.text
    assert "Search engine unreachable" in caplog.text
    messages = [
        str(unavailable.value),
        *errors,
        caplog.text,
        *(str(record.args) for record in caplog.records),
        str(status.value),
        str(sync.value),
        out.getvalue(),
    ]
    for message in messages:
        assert SECRET not in message
        assert "cnnt:" not in message


@pytest.mark.parametrize("engine", ENGINES)
def test_credentials_in_the_url_still_work_on_a_real_engine(engine, db, capsys, caplog):
    """The test nodes run without security, so they accept any credentials: this proves the
    client still connects through a URL that carries them, and prints none of them."""
    url = with_credentials(engine_url(engine))
    caplog.set_level(logging.DEBUG)  # the clients log every request they make
    with BackendSettings(engine) as chosen, override_settings(SEARCH_URL=url):
        chosen.url = url  # so that cleaning up goes through the same URL
        engines._engines.clear()
        small_catalog()
        rebuild()
        result, notice = service.search(parse({"q": "khay tre"}))
        assert (result.backend, notice) == (engine, "")
        assert "Khay tre cuốn" in {hit["title"] for hit in result.hits}
        call_command("search_index", "status")
        out = capsys.readouterr().out
        assert f"engine: {engine} at {redacted(url)}" in out
        assert "engine documents: 8 (expected 8), 0 missing, 0 extra: in sync" in out
        assert SECRET not in out
        assert "_search" in caplog.text
        assert SECRET not in caplog.text
        assert repr(get_engine()) == f"<Engine {engine} at {redacted(url)}>"


class _Recorder(BaseHTTPRequestHandler):
    """Answers like an engine with no indices and notes each request's Authorization."""

    distribution = "opensearch"
    seen = []

    def do_GET(self):  # noqa: N802 - the http.server API
        self.seen.append(self.headers.get("Authorization"))
        if self.path == "/":
            body = {"version": {"distribution": self.distribution, "number": "8.19.0"}}
        else:
            body = {}
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("engine", ENGINES)
def test_the_credentials_are_sent_as_basic_auth(engine):
    """Unsecured test nodes ignore credentials, so a listener shows what the clients send:
    the URL's user and password (unquoted), on the first request and on every call after."""
    handler = type("Recorder", (_Recorder,), {"distribution": engine, "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://cnnt:s3cr%40t@127.0.0.1:{server.server_port}"
        connection = Engine(url)
        assert connection.name == engine
        assert connection.index("test-catalog", {}, ["pk"]).names() == []
    finally:
        server.shutdown()
        server.server_close()
    expected = "Basic " + base64.b64encode(b"cnnt:s3cr@t").decode()
    assert len(handler.seen) == 2  # what the server is, then the alias
    assert handler.seen == [expected, expected]
