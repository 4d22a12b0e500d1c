"""The engine adapter: the only code that knows which engine is behind SEARCH_URL, and how
an aliased index is written, rebuilt and read on it.

Request bodies and the index mapping are built elsewhere with elasticsearch-dsl
(search/backends/engine.py); this module sends them through the official client of
whichever engine answers (the Elasticsearch client refuses to talk to OpenSearch), and
hands back plain response dicts.

SEARCH_URL names one node or several nodes of a cluster, comma-separated: the client gets them
all, spreads requests over them and retries a failed one on another, so losing a node loses no
search. Credentials come from the URLs or SEARCH_USERNAME/SEARCH_PASSWORD: they go to the
client as basic auth, and every message this module writes shows the URLs through `redacted`
and the engine's words through `Engine.scrub`. Over HTTPS the certificate is checked, against
SEARCH_CA_CERTS when it is set."""

import contextlib
import time
import warnings
from urllib.parse import unquote, urlsplit, urlunsplit

import requests
from django.conf import settings
from urllib3.exceptions import InsecureRequestWarning

CONNECT_TIMEOUT = 2
REQUEST_TIMEOUT = 10
RETRY_ON_STATUS = (502, 503, 504)  # a node going away, or one that cannot answer for its shards
SEARCH_ATTEMPTS = 5  # in all, 2 s of pauses: a cluster routes round a lost node within that
INCOMPLETE_PAUSE = 0.2  # seconds before asking again, times the attempt
KEYS_PAGE_SIZE = 5000
MIN_SCRUBBED = 4  # a shorter password is taken out of messages only beside its user name


class EngineUnavailable(Exception):
    """The engine could not be reached or refused the request; callers fall back or queue."""


def urls(setting):
    """The URLs of a SEARCH_URL value: one, or several separated by commas."""
    return [url.strip() for url in setting.split(",") if url.strip()]


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
    """The URL (or comma-separated URLs) as it may be printed: user and password become ***,
    the rest (scheme, host, port, path) stays. `https://user:pass@host:9200` gives
    `https://***@host:9200`."""
    shown = []
    for one in urls(url) or [url]:
        bare, auth = _credentials(one)
        if auth is not None:
            parts = urlsplit(bare)
            bare = urlunsplit(parts._replace(netloc=f"***@{parts.netloc}"))
        shown.append(bare)
    return ",".join(shown)


def scrubbed(text, url):
    """A message (a client's error text, say) with the URL's credentials taken out, however
    it spells them: the whole URL, its `user:password@` as written or unquoted, or the
    password alone (unless it is too short to replace without garbling the message). `url`
    may name several URLs, comma-separated."""
    text = str(text)
    for one in urls(url) or [url]:
        text = _scrubbed_one(text, one)
    return text


def _scrubbed_one(text, url):
    text = text.replace(url, redacted(url))
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


def detect(hosts, auth=None, verify=True):
    """ "opensearch" or "elasticsearch", from what the first node that answers says about
    itself. `hosts` are URLs without credentials; `verify` is requests' (a CA file or a flag)."""
    errors = []
    for host in hosts:
        try:
            with warnings.catch_warnings():
                # Unchecked on purpose (SEARCH_VERIFY_CERTS=0): catalog_search.W001 says so once.
                warnings.simplefilter("ignore", InsecureRequestWarning)
                info = requests.get(host, auth=auth, timeout=CONNECT_TIMEOUT, verify=verify).json()
        except (requests.RequestException, ValueError) as error:
            errors.append(f"{host}: {error}")
            continue
        return (
            "opensearch"
            if info.get("version", {}).get("distribution") == "opensearch"
            else "elasticsearch"
        )
    raise EngineUnavailable("; ".join(errors))


def incomplete(response):
    """Why a search response is not the whole answer (a shard that failed or was skipped for
    a lost node, a timeout), or "" when it is. Partial results would show buyers fewer
    products than there are, with no sign of it."""
    shards = response.get("_shards", {})
    if response.get("timed_out"):
        return "the search timed out"
    if shards.get("failed"):
        return f"{shards['failed']} of {shards.get('total')} shards failed"
    if shards.get("successful", 0) + shards.get("skipped", 0) < shards.get("total", 0):
        return f"only {shards.get('successful')} of {shards.get('total')} shards answered"
    return ""


class Engine:
    """A connection to one engine: the handful of client calls the search layer needs, and
    `index()`, the aliased indices it reads and writes."""

    def __init__(self, url, *, username="", password="", ca_certs="", verify_certs=True):
        self._url, self._password = url, password
        self.address = redacted(url)  # where it is, safe to print
        pairs = [_credentials(one) for one in urls(url)]
        hosts = [bare for bare, _auth in pairs]
        in_urls = next((auth for _bare, auth in pairs if auth), None)
        auth = (username, password) if username else in_urls
        verify = (ca_certs or True) if verify_certs else False
        try:
            self.name = detect(hosts, auth, verify)
        except EngineUnavailable as error:
            raise EngineUnavailable(f"{self.address}: {self.scrub(error)}") from error
        # Spread over every node given, each failed request is tried again on another (all of
        # them, once, on a cluster); a single node is asked once, so that when it is down the
        # database answers at once. Sniffing stays off: the nodes listed are the ones reachable.
        retries = len(hosts) - 1
        self.cluster = retries > 0
        options = {"max_retries": retries, "retry_on_timeout": retries > 0}
        if retries:
            options["retry_on_status"] = RETRY_ON_STATUS
        if any(host.startswith("https:") for host in hosts):
            options["verify_certs"] = verify_certs
            if ca_certs:
                options["ca_certs"] = ca_certs
        if self.name == "opensearch":
            from opensearchpy import OpenSearch, OpenSearchException

            if not verify_certs:
                options["ssl_show_warn"] = False  # catalog_search.W001 says it once, at start
            self.client = OpenSearch(hosts, http_auth=auth, timeout=REQUEST_TIMEOUT, **options)
            self.errors = (OpenSearchException,)
        else:
            from elastic_transport import TransportError
            from elasticsearch import ApiError, Elasticsearch

            if not verify_certs:
                options["ssl_show_warn"] = False
            self.client = Elasticsearch(
                hosts, basic_auth=auth, request_timeout=REQUEST_TIMEOUT, **options
            )
            self.errors = (ApiError, TransportError)

    def scrub(self, text):
        """The text without the credentials: those in the URLs and SEARCH_PASSWORD."""
        text = scrubbed(text, self._url)
        if len(self._password) >= MIN_SCRUBBED:
            text = text.replace(self._password, "***")
        return text

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
            raise EngineUnavailable(f"{self.name} {method}: {self.scrub(error)}") from error
        return getattr(response, "body", response)

    def search(self, index, body):
        """The whole answer or EngineUnavailable, never part of it. The engine is told to fail
        rather than leave out a shard it cannot reach; an answer that is still incomplete (a
        node lost while it ran) is asked for again, as the cluster routes round the lost
        node within moments, and then counts as the engine failing, so the caller falls back.
        On a cluster, a request every node refused for the moment (a 503 while a new cluster
        manager is elected) is asked again the same way; a single node is not waited for."""
        for attempt in range(1, SEARCH_ATTEMPTS + 1):
            try:
                response = self.call(
                    "search", index=index, body=body, allow_partial_search_results=False
                )
            except EngineUnavailable as error:
                if not (self.cluster and _transient(error.__cause__)):
                    raise
                problem = str(error)
            else:
                problem = incomplete(response)
                if not problem:
                    return response
            if attempt < SEARCH_ATTEMPTS:
                time.sleep(INCOMPLETE_PAUSE * attempt)
        raise EngineUnavailable(f"{self.name} search on {index}: {problem}")

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


def _transient(error):
    """A failure that may be gone in a moment: no answer at all, or the engine's 429 or 5xx."""
    status = _status(error)  # opensearch-py says "N/A" when nothing answered
    return not isinstance(status, int) or status == 429 or status >= 500  # noqa: PLR2004


def _status(error):
    """The HTTP status of a client error, whichever client raised it."""
    meta = getattr(error, "meta", None)
    return getattr(meta, "status", None) or getattr(error, "status_code", None)


_engines = {}


def get_engine():
    """The configured engine, or None when SEARCH_URL is empty (the database answers).
    Raises EngineUnavailable when it is configured but cannot be reached."""
    if not settings.SEARCH_URL:
        return None
    options = {
        "username": settings.SEARCH_USERNAME,
        "password": settings.SEARCH_PASSWORD,
        "ca_certs": settings.SEARCH_CA_CERTS,
        "verify_certs": settings.SEARCH_VERIFY_CERTS,
    }
    key = (settings.SEARCH_URL, *options.values())
    if key not in _engines:
        _engines[key] = Engine(settings.SEARCH_URL, **options)
    return _engines[key]


def index_alias():
    """The alias buyers' searches read; rebuilds swap it to a fresh index."""
    return f"{settings.SEARCH_INDEX_PREFIX}catalog"
