"""The engine adapter: the only code that knows which engine is behind SEARCH_URL, and how
an aliased index is written, rebuilt and read on it.

Request bodies and the index mapping are built elsewhere with elasticsearch-dsl
(search/backends/engine.py); this module sends them through the official client of
whichever engine answers (the Elasticsearch client refuses to talk to OpenSearch), and
hands back plain response dicts. SEARCH_URL may carry credentials: they go to the client as
basic auth, and every message this module writes shows the URL through `redacted`."""

import contextlib
import time
from urllib.parse import unquote, urlsplit, urlunsplit

import requests
from django.conf import settings

CONNECT_TIMEOUT = 2
REQUEST_TIMEOUT = 10
KEYS_PAGE_SIZE = 5000
MIN_SCRUBBED = 4  # a shorter password is taken out of messages only beside its user name


class EngineUnavailable(Exception):
    """The engine could not be reached or refused the request; callers fall back or queue."""


def _credentials(url):
    """(the URL without user and password, (user, password) or None); both unquoted."""
    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if not at:
        return url, None
    user, _colon, password = userinfo.partition(":")
    bare = urlunsplit(parts._replace(netloc=hostport))
    return bare, (unquote(user), unquote(password))


def redacted(url):
    """The URL as it may be printed: user and password become ***, the rest (scheme, host,
    port, path) stays. `https://user:pass@host:9200` gives `https://***@host:9200`."""
    bare, auth = _credentials(url)
    if auth is None:
        return url
    parts = urlsplit(bare)
    return urlunsplit(parts._replace(netloc=f"***@{parts.netloc}"))


def scrubbed(text, url):
    """A message (a client's error text, say) with the URL's credentials taken out, however
    it spells them: the whole URL, its `user:password@` as written or unquoted, or the
    password alone (unless it is too short to replace without garbling the message)."""
    text = str(text).replace(url, redacted(url))
    _bare, auth = _credentials(url)
    if auth is None:
        return text
    written = urlsplit(url).netloc.rpartition("@")[0]
    user, password = auth
    for userinfo in (written, f"{user}:{password}", user):
        text = text.replace(f"{userinfo}@", "***@")
    for secret in (written.partition(":")[2], password):
        if len(secret) >= MIN_SCRUBBED:
            text = text.replace(secret, "***")
    return text


def detect(url):
    """ "opensearch" or "elasticsearch", from what the server says about itself."""
    bare, auth = _credentials(url)
    try:
        info = requests.get(bare, auth=auth, timeout=CONNECT_TIMEOUT).json()
    except (requests.RequestException, ValueError) as error:
        raise EngineUnavailable(f"{redacted(url)}: {scrubbed(error, url)}") from error
    return (
        "opensearch"
        if info.get("version", {}).get("distribution") == "opensearch"
        else "elasticsearch"
    )


class Engine:
    """A connection to one engine: the handful of client calls the search layer needs, and
    `index()`, the aliased indices it reads and writes."""

    def __init__(self, url):
        self._url = url
        self.address = redacted(url)  # where it is, safe to print
        self.name = detect(url)
        bare, auth = _credentials(url)
        if self.name == "opensearch":
            from opensearchpy import OpenSearch, OpenSearchException

            self.client = OpenSearch([bare], http_auth=auth, timeout=REQUEST_TIMEOUT, max_retries=0)
            self.errors = (OpenSearchException,)
        else:
            from elastic_transport import TransportError
            from elasticsearch import ApiError, Elasticsearch

            self.client = Elasticsearch(
                bare, basic_auth=auth, request_timeout=REQUEST_TIMEOUT, max_retries=0
            )
            self.errors = (ApiError, TransportError)

    def __repr__(self):
        return f"<Engine {self.name} at {self.address}>"

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
            raise EngineUnavailable(
                f"{self.name} {method}: {scrubbed(error, self._url)}"
            ) from error
        return getattr(response, "body", response)

    def search(self, index, body):
        return self.call("search", index=index, body=body)

    def refresh(self, index):
        return self.call("indices.refresh", index=index)

    def index(self, alias, body, key_order):
        """The aliased index `alias` on this engine; `body` (settings and mappings) makes
        its indices, `key_order` names mapped fields that order its documents uniquely."""
        return AliasedIndex(self, alias, body, key_order)


class AliasedIndex:
    """An index that searches read through an alias, and the whole protocol for keeping
    it: writes go to the live index (made, with the alias, on the first write), and a
    rebuild fills a new index beside it then swaps the alias in one step, so searches never
    see a missing or half-filled index."""

    def __init__(self, engine, alias, body, key_order):
        self.engine, self.alias, self.body, self.key_order = engine, alias, body, key_order

    def names(self):
        """The indices behind the alias, oldest first; none before the first write."""
        return sorted(self.engine.call("indices.get_alias", name=self.alias, missing_ok=True) or {})

    def write(self, upserts=(), deletes=()):
        """Index these documents (by their "id") and remove these keys, then refresh so
        that the next search sees them. Raises EngineUnavailable if any item is refused;
        removing a key that is not there is no error."""
        upserts, deletes = list(upserts), list(deletes)
        if not upserts and not deletes:
            return
        self._ensure()
        self._bulk(self.alias, upserts, deletes)
        self.engine.refresh(self.alias)

    def delete(self, keys):
        self.write(deletes=keys)

    def rebuild(self, documents, batch_size=500):
        """Fill a new index with these documents, batch by batch, and make it the live one:
        one alias update moves the alias, then the old indices go. Returns the new name."""
        documents = list(documents)
        name = self._new_name()
        self.engine.call("indices.create", index=name, body=self.body)
        try:
            for start in range(0, len(documents), batch_size):
                self._bulk(name, documents[start : start + batch_size], ())
            self.engine.refresh(name)
            old = self.names()
            actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            actions.append({"add": {"index": name, "alias": self.alias}})
            self.engine.call("indices.update_aliases", body={"actions": actions})
        except EngineUnavailable:
            self._drop_quietly(name)
            raise
        for index in old:
            self.engine.call("indices.delete", index=index, ignore_unavailable=True)
        return name

    def keys(self):
        """The ids of every document in the live index (none when there is no index)."""
        if not self.names():
            return set()
        keys, after = set(), None
        while True:
            body = {
                "query": {"match_all": {}},
                "_source": False,
                "size": KEYS_PAGE_SIZE,
                "sort": list(self.key_order),
            }
            if after:
                body["search_after"] = after
            hits = self.engine.search(self.alias, body)["hits"]["hits"]
            if not hits:
                return keys
            keys.update(hit["_id"] for hit in hits)
            after = hits[-1]["sort"]

    def drop(self):
        """Delete every index behind the alias (and so the alias)."""
        for index in self.names():
            self.engine.call("indices.delete", index=index, ignore_unavailable=True)

    def _ensure(self):
        """Make the first index and its alias when the engine has none, so that writes never
        create an index with guessed mappings."""
        if not self.names():
            name = self._new_name()
            self.engine.call("indices.create", index=name, body=self.body)
            add = {"add": {"index": name, "alias": self.alias}}
            self.engine.call("indices.update_aliases", body={"actions": [add]})

    def _new_name(self):
        return f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"

    def _bulk(self, index, upserts, deletes):
        operations = []
        for document in upserts:
            operations += [{"index": {"_index": index, "_id": document["id"]}}, document]
        for key in deletes:
            operations.append({"delete": {"_index": index, "_id": key}})
        response = self.engine.call("bulk", body=operations, refresh=False)
        failed = [
            result
            for item in response.get("items", [])
            for action, result in item.items()
            if result.get("status", 200) >= 300 and not _already_gone(action, result)
        ]
        if failed:
            raise EngineUnavailable(f"{len(failed)} documents refused, first: {failed[0]}")

    def _drop_quietly(self, name):
        with contextlib.suppress(EngineUnavailable):  # the caller reports the first failure
            self.engine.call("indices.delete", index=name, ignore_unavailable=True)


def _already_gone(action, result):
    return action == "delete" and result.get("status") == 404


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
