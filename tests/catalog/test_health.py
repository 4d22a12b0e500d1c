"""/healthz and /readyz answer the load balancer, whatever the host name or scheme, and
/readyz names what is down: 503 for the database or the cache, 200 with the database named as
the search fallback when only the engine is down."""

import socket

import pytest
from django.test import override_settings

from tests.search.conftest import BackendSettings, rebuild

PRODUCTION_LIKE = {"SECURE_SSL_REDIRECT": True, "ALLOWED_HOSTS": ["catalog.example.org"]}


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@override_settings(**PRODUCTION_LIKE)
def test_healthz_answers_a_probe_by_address_over_plain_http(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8001")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
@override_settings(**PRODUCTION_LIKE)
def test_the_same_host_and_scheme_are_refused_elsewhere(client):
    """The exemption is the probes' alone: the rest of the site still redirects to HTTPS and
    refuses unknown hosts."""
    assert client.get("/", HTTP_HOST="catalog.example.org").status_code == 301
    assert client.get("/", HTTP_HOST="10.0.0.5:8001", secure=True).status_code == 400


@pytest.mark.django_db
def test_readyz_with_the_engine_down_serves_search_from_the_database(client):
    url = f"http://127.0.0.1:{closed_port()}"
    with override_settings(SEARCH_URL=url, **PRODUCTION_LIKE):
        response = client.get("/readyz/", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["cache"] == "ok"
    assert body["tasks"] == "ok"
    assert body["tasks_waiting"] == 0
    assert body["search"] == {"backend": "database", "status": "down, serving from the database"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_without_an_engine_names_the_database_backend(client):
    with override_settings(SEARCH_URL=""):
        body = client.get("/readyz").json()
    assert body["search"] == {"backend": "database", "status": "ok"}


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_fails(client, tmp_path):
    """A file cache under a regular file cannot write: a real failure, as of a cache server
    that went away."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    broken = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(blocker / "cache"),
        }
    }
    with override_settings(CACHES=broken, SEARCH_URL=""):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["opensearch", "elasticsearch"])
def test_readyz_names_a_live_engine(client, name):
    with BackendSettings(name):
        rebuild()
        body = client.get("/readyz").json()
    assert body["search"] == {"backend": name, "status": "ok"}
