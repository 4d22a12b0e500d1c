"""The catalog on a three-node OpenSearch cluster (engine.sh start-cluster), with its index made
by `search_index rebuild` with three shards and one replica: while buyers' searches run through
the search service and /api/v1/search, the elected cluster manager is killed (SIGKILL, as a
crash or a pulled plug would). No search may fail, fall back to the database or come back with
fewer results than before, a write made after the loss must be found, and the cluster must get
back to green on the two nodes left.

The cluster is the test's own (three JVMs, a minute to start), so it runs once per `make test`,
in the SQLite pass. Ports: TEST_CLUSTER_PORT (HTTP, three from it) and
TEST_CLUSTER_TRANSPORT_PORT (transport, three from it)."""

import os
import re
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from products.models import ProductPage
from search import engines, service
from search.backends.engine import catalog_index
from search.benchmark import generate_products
from search.models import PendingIndexChange, SearchRecord
from search.query import parse
from tests.search import catalog_data

ENGINE_SH = Path(settings.BASE_DIR) / "search" / "engine" / "engine.sh"
PORT = int(os.environ.get("TEST_CLUSTER_PORT", "9231"))
TRANSPORT_PORT = int(os.environ.get("TEST_CLUSTER_TRANSPORT_PORT", "9531"))
NODES = 3
PRODUCTS = 300
KILL_AFTER = 1.5  # seconds of searching before the kill
SEARCH_DEADLINE = 90  # seconds after the kill by which the cluster must be green again
AFTER_GREEN = 2  # seconds of searching on the recovered cluster
# Searches that together read every shard: words, a facet, a sort, everything.
QUERIES = [
    {},
    {"q": "gao"},
    {"q": "mat ong"},
    {"q": "banh"},
    {"q": "che", "sort": "newest"},
    {"q": "vai thieu"},
    {"q": "mien"},
    {"level": "national"},
    {"q": "gom", "level": "provincial"},
]
RENAMED = "Máy tuốt lúa Tân Yên cải tiến"  # the write after the loss, found by "cai tien"


def engine_sh(*args, timeout=300):
    env = {**os.environ, "ENGINE_HEAP": os.environ.get("ENGINE_HEAP", "384m")}
    return subprocess.run(  # noqa: S603 - our own script
        [str(ENGINE_SH), *args], capture_output=True, text=True, timeout=timeout, env=env,
        check=False,
    )  # fmt: skip


def unavailable(reason):
    """Under `make test` (SEARCH_ENGINES_REQUIRED=1) a missing cluster fails; elsewhere skips."""
    if os.environ.get("SEARCH_ENGINES_REQUIRED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


PHASES = {}  # seconds each step of the set-up took, for the figures


@pytest.fixture(scope="module")
def cluster_urls():
    """Starts the cluster, and stops it at the end whatever happened."""
    if connection.vendor != "sqlite":
        pytest.skip("the cluster test runs once per suite, in its SQLite pass")
    fetched = engine_sh("fetch", "opensearch")
    if fetched.returncode:
        unavailable(f"OpenSearch could not be fetched: {fetched.stderr[-2000:]}")
    started_at = time.monotonic()
    try:
        started = engine_sh(
            "start-cluster", "opensearch", "--nodes", str(NODES), "--port", str(PORT),
            "--transport-port", str(TRANSPORT_PORT), "--timeout", "150",
        )  # fmt: skip
        if started.returncode:
            pytest.fail(f"the cluster did not start:\n{started.stderr[-4000:]}")
        PHASES["start"] = time.monotonic() - started_at
        yield started.stdout.strip().splitlines()[-1]
    finally:
        engine_sh("stop-cluster", "opensearch", "--port", str(PORT))


@pytest.fixture(scope="module")
def indexed(cluster_urls, django_db_setup, django_db_blocker):
    """The catalog (a few hundred products) indexed into the cluster by `search_index rebuild`,
    with three shards and one replica. The catalog is made inside a transaction that is rolled
    back at the end, as Django's setUpTestData does: deleting 300 pages one by one took longer
    than the rest of the test."""
    options = {
        "SEARCH_URL": cluster_urls,
        "SEARCH_INDEX_PREFIX": f"test-{uuid.uuid4().hex[:10]}-",
        "SEARCH_INDEX_SHARDS": 3,
        "SEARCH_INDEX_REPLICAS": 1,
    }
    with django_db_blocker.unblock(), override_settings(**options):
        engines._engines.clear()
        module_data = transaction.atomic()
        module_data.__enter__()
        try:
            started_at = time.monotonic()
            catalog_data.build()
            generate_products(PRODUCTS)
            PHASES["catalog"] = time.monotonic() - started_at
            started_at = time.monotonic()
            call_command("search_index", "rebuild", stdout=open(os.devnull, "w"))  # noqa: SIM115
            PHASES["rebuild"] = time.monotonic() - started_at
            yield engines.get_engine()
        finally:
            transaction.set_rollback(True)
            module_data.__exit__(None, None, None)
            engines._engines.clear()


def health(port):
    """(status, nodes) of the cluster as the node at `port` sees it; (None, 0) without answer."""
    try:
        body = requests.get(f"http://127.0.0.1:{port}/_cluster/health", timeout=2).json()
    except (requests.RequestException, ValueError):
        return None, 0
    return body.get("status"), body.get("number_of_nodes", 0)


def wait_for_green(port, nodes, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if health(port) == ("green", nodes):
            return True
        time.sleep(0.5)
    return False


def elected_manager():
    """(HTTP port, pid) of the node the cluster elected as its manager."""
    [row] = requests.get(
        f"http://127.0.0.1:{PORT}/_cat/cluster_manager?format=json", timeout=5
    ).json()
    port = int(row["node"].rsplit("-", 1)[1])  # nodes are named cnnt-node-<port>
    status = engine_sh("status", "opensearch", "--port", str(port)).stdout
    return port, int(re.search(r"pid (\d+)", status)[1])


def answers(client, params):
    """(where, backend, count, notice or error) of one search through the search service
    (products and producers, as the search page asks) and through /api/v1/search (products)."""
    result, notice = service.search(parse(params))
    answer = client.get("/api/v1/search", params)
    body = answer.json() if answer.status_code == 200 else {}
    return [
        ("service", result.backend, result.count, notice),
        ("api", body.get("backend"), body.get("count"), body.get("notice", answer.status_code)),
    ]


def test_searches_survive_the_loss_of_a_node(indexed, db, client, record_property, committed):
    engine = indexed
    live = catalog_index(engine)
    assert wait_for_green(PORT, NODES)
    [index] = live.names()
    shards = live.engine.call("indices.get_settings", index=index)[index]["settings"]["index"]
    assert (shards["number_of_shards"], shards["number_of_replicas"]) == ("3", "1")
    # Replicas of the lost node's shards are made again on the others after this delay (one
    # minute by default, so that a node restarting is not copied in vain).
    live.engine.call(
        "indices.put_settings",
        index=index,
        body={"index.unassigned.node_left.delayed_timeout": "2s"},
    )
    documents = SearchRecord.objects.count()
    assert documents > PRODUCTS
    expected = {}
    for params in QUERIES:
        for where, backend, count, said in answers(client, params):
            assert (backend, said) == ("opensearch", "")
            expected[where, str(params)] = count
    assert expected["service", "{}"] == documents  # the engine holds every document
    assert expected["api", "{}"] == ProductPage.objects.live().count()  # the API: products
    assert live.keys() == set(SearchRecord.objects.values_list("key", flat=True))

    victim_port, victim_pid = elected_manager()
    survivor = next(PORT + n for n in range(NODES) if PORT + n != victim_port)
    killed = threading.Event()
    killed_at = []

    def kill():
        killed_at.append(time.monotonic())
        os.kill(victim_pid, signal.SIGKILL)
        killed.set()

    searches, failures, wrong, statuses = 0, [], [], []
    green_at = written_at = None
    renamed = ProductPage.objects.get(title="Máy tuốt lúa kỹ thuật mới")
    timer = threading.Timer(KILL_AFTER, kill)
    timer.start()
    try:
        while True:
            for params in QUERIES:
                for where, backend, count, said in answers(client, params):
                    searches += 1
                    when = time.monotonic() - killed_at[0] if killed_at else None
                    if backend != "opensearch" or said:
                        failures.append((where, params, backend, said, when))
                    elif count != expected[where, str(params)]:
                        wrong.append((where, params, count, expected[where, str(params)], when))
            if not killed.is_set():
                continue
            since = time.monotonic() - killed_at[0]
            if written_at is None and since > 1:
                renamed.title = RENAMED
                with committed():  # the engine write waits for the commit, as in a request
                    renamed.save_revision().publish()
                written_at = since
                found, _notice = service.search(parse({"q": "cai tien"}))
                assert [hit["title"] for hit in found.hits] == [RENAMED]
                searches += 1
            status, nodes = health(survivor)
            statuses.append(status)
            if green_at is None and (status, nodes) == ("green", NODES - 1):
                green_at = since
            if green_at is not None and since > green_at + AFTER_GREEN:
                break
            assert since < SEARCH_DEADLINE, f"not green again {SEARCH_DEADLINE} s after the loss"
    finally:
        timer.cancel()
        timer.join()

    figures = (
        f"cluster test: started in {PHASES['start']:.0f} s, {PRODUCTS} products made in "
        f"{PHASES['catalog']:.0f} s and indexed in {PHASES['rebuild']:.1f} s; "
        f"{searches} searches ({len(QUERIES)} queries, service and API) over "
        f"{documents} documents, {len(failures)} failed, {len(wrong)} incomplete; node "
        f"{victim_port} (the elected manager) killed after {KILL_AFTER} s; a write "
        f"{written_at:.1f} s after the loss found at once; green on {NODES - 1} nodes "
        f"{green_at:.1f} s after the loss (replicas remade after a 2 s delay)"
    )
    if failures:
        figures += f"; first failure: {failures[0]}"
    print(figures)  # noqa: T201
    record_property("figures", figures)
    assert failures == [], failures
    assert wrong == [], wrong
    assert "red" not in statuses
    assert "yellow" in statuses  # the lost node's replicas were missing, then made again
    assert PendingIndexChange.objects.count() == 0  # the write reached the engine
    assert live.keys() == set(SearchRecord.objects.values_list("key", flat=True))
    assert engine_sh("status", "opensearch", "--port", str(victim_port)).returncode == 1
