"""The engine adapter: the only code that knows which engine is behind SEARCH_URL.

Request bodies are built elsewhere with elasticsearch-dsl; this module sends them through
the official client of whichever engine answers (the Elasticsearch client refuses to talk
to OpenSearch), and hands back plain response dicts.
"""

import requests
from django.conf import settings

CONNECT_TIMEOUT = 2
REQUEST_TIMEOUT = 10


class EngineUnavailable(Exception):
    """The engine could not be reached or refused the request; callers fall back or queue."""


def detect(url):
    """ "opensearch" or "elasticsearch", from what the server says about itself."""
    try:
        info = requests.get(url, timeout=CONNECT_TIMEOUT).json()
    except (requests.RequestException, ValueError) as error:
        raise EngineUnavailable(f"{url}: {error}") from error
    return (
        "opensearch"
        if info.get("version", {}).get("distribution") == "opensearch"
        else "elasticsearch"
    )


class Engine:
    """A connection to one engine, with the handful of calls the search layer needs."""

    def __init__(self, url):
        self.url = url
        self.name = detect(url)
        if self.name == "opensearch":
            from opensearchpy import OpenSearch, OpenSearchException

            self.client = OpenSearch(url, timeout=REQUEST_TIMEOUT, max_retries=0)
            self.errors = (OpenSearchException,)
        else:
            from elastic_transport import TransportError
            from elasticsearch import ApiError, Elasticsearch

            self.client = Elasticsearch(url, request_timeout=REQUEST_TIMEOUT, max_retries=0)
            self.errors = (ApiError, TransportError)

    def call(self, method, *, missing_ok=False, **kwargs):
        """Run one client call ("search", "indices.create"...). Any failure becomes
        EngineUnavailable carrying the engine's words; with missing_ok a 404 gives None."""
        target = self.client
        for part in method.split("."):
            target = getattr(target, part)
        try:
            response = target(**kwargs)
        except (*self.errors, OSError) as error:
            if missing_ok and _status(error) == 404:
                return None
            raise EngineUnavailable(f"{self.name} {method}: {error}") from error
        return getattr(response, "body", response)

    def search(self, index, body):
        return self.call("search", index=index, body=body)

    def bulk(self, operations):
        return self.call("bulk", body=operations, refresh=False)

    def refresh(self, index):
        return self.call("indices.refresh", index=index)

    def create_index(self, name, body):
        return self.call("indices.create", index=name, body=body)

    def delete_index(self, name):
        return self.call("indices.delete", index=name, ignore_unavailable=True)

    def indices_for_alias(self, alias):
        return sorted(self.call("indices.get_alias", name=alias, missing_ok=True) or {})

    def update_aliases(self, actions):
        return self.call("indices.update_aliases", body={"actions": actions})

    def count(self, index):
        return self.call("count", index=index)["count"]


def _status(error):
    """The HTTP status of a client error, whichever client raised it."""
    meta = getattr(error, "meta", None)
    return getattr(meta, "status", None) or getattr(error, "status_code", None)


_engines = {}


def get_engine():
    """The configured engine, or None when SEARCH_URL is empty (the database answers).
    Raises EngineUnavailable when it is configured but cannot be reached."""
    url = settings.SEARCH_URL
    if not url:
        return None
    if url not in _engines:
        _engines[url] = Engine(url)
    return _engines[url]


def index_alias():
    """The alias buyers' searches read; rebuilds swap it to a fresh index."""
    return f"{settings.SEARCH_INDEX_PREFIX}catalog"
