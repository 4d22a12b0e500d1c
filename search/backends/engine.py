"""The engine backend: index mapping and queries written once with elasticsearch-dsl, sent
through the adapter to Elasticsearch or OpenSearch alike. Text arrives normalised by
catalog.base.text as plain alphanumeric words, so the standard analyzer (in every engine's core,
even a server without the analysis-common module) is all the analysis needed."""

from django.conf import settings
from elasticsearch_dsl import Integer, Keyword, Mapping, Object, Q, Search, Text

from search.engines import get_engine, index_alias
from search.facets import FACET_FIELDS, count_groups

from .base import SearchResult

FUZZINESS = "AUTO:5,100"  # one wrong letter allowed in words of five letters or more
MAX_FACET_VALUES = 200
SOURCE = ["id", "kind", "pk", "title", "summary", "thumbnail", "payload"]  # what results show
KEY_ORDER = ["kind", "pk"]  # mapped fields that order documents uniquely, to page through all


def index_body():
    """Settings and mappings of a new catalog index; its shards and replicas are the site's
    settings (SEARCH_INDEX_SHARDS, SEARCH_INDEX_REPLICAS), read when the index is made."""
    mapping = Mapping().meta("dynamic", False)  # fields not declared here are only stored
    for name in ("title_folded", "text_folded"):
        mapping.field(
            name, Text(analyzer="standard", index_prefixes={"min_chars": 1, "max_chars": 12})
        )
    for name in ("title_exact", "text_exact"):
        mapping.field(name, Text(analyzer="standard"))
    for name in ("kind", "sort_name", *FACET_FIELDS):
        mapping.field(name, Keyword())
    mapping.field("pk", Integer())
    mapping.field("newest_year", Integer())
    mapping.field("title", Keyword(index=False))
    mapping.field("summary", Text(index=False))
    mapping.field("thumbnail", Object(enabled=False))
    mapping.field("payload", Object(enabled=False))
    return {
        "settings": {
            "number_of_shards": settings.SEARCH_INDEX_SHARDS,
            "number_of_replicas": settings.SEARCH_INDEX_REPLICAS,
        },
        "mappings": mapping.to_dict(),
    }


def catalog_index(engine=None):
    """The catalog's aliased index on the engine (the configured one by default), under the
    current alias, with this module's mapping for any index it makes."""
    engine = engine or get_engine()
    return engine.index(index_alias(), index_body(), KEY_ORDER)


def term_query(folded, exact, last):
    """One typed word: exact spelling first, then folded, with a typo, or (for the word still
    being typed) as a word's beginning."""
    should = [
        Q("term", title_exact={"value": exact, "boost": 8}),
        Q("term", text_exact={"value": exact, "boost": 4}),
        Q("match", title_folded={"query": folded, "fuzziness": FUZZINESS, "boost": 4}),
        Q("match", text_folded={"query": folded, "fuzziness": FUZZINESS, "boost": 1}),
    ]
    if last:
        should += [
            Q("prefix", title_folded={"value": folded, "boost": 2}),
            Q("prefix", text_folded={"value": folded, "boost": 0.5}),
        ]
    return Q("bool", should=should, minimum_should_match=1)


def add_facet_aggregations(search, filters):
    """A terms aggregation per facet, grouped as search.facets.count_groups says: a group
    under other facets' filters sits in one filter bucket, and a group under none sits at
    the top, so a plain search runs no filter aggregation at all."""
    for names, others in count_groups(filters):
        parent = search.aggs
        if others:
            applied = Q("bool", filter=[filters[other] for other in others])
            parent = parent.bucket("under-" + "-".join(others), "filter", filter=applied)
        for name in names:
            parent.bucket(name, "terms", field=name, size=MAX_FACET_VALUES)


def facet_buckets(aggregations):
    """{facet: {value: count}} from the response to add_facet_aggregations."""
    found = {}
    for name, aggregation in aggregations.items():
        nested = [(name, aggregation)] if "buckets" in aggregation else aggregation.items()
        for facet, terms in nested:
            if facet in FACET_FIELDS:
                found[facet] = {b["key"]: b["doc_count"] for b in terms["buckets"]}
    return found


def build_search(query):
    """The request body for a SearchQuery: text match, post-filtered facets, and the facet
    aggregations."""
    folded, exact = query.folded_terms, query.exact_terms
    musts = [
        term_query(f, e, i == len(folded) - 1)
        for i, (f, e) in enumerate(zip(folded, exact, strict=False))
    ]
    kinds = (
        Q("term", kind=query.kinds[0])
        if len(query.kinds) == 1
        else Q("terms", kind=list(query.kinds))
    )
    text = Q("bool", must=musts, filter=[kinds])
    filters = {name: Q("term", **{name: value}) for name, value in query.filters.items()}
    search = Search().query(text).extra(track_total_hits=True, _source=SOURCE)
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    add_facet_aggregations(search, filters)
    order = {
        "relevance": ["_score", "sort_name"],
        "newest": [{"newest_year": "desc"}, "sort_name"],
        "name": ["sort_name", "_score"],
    }[query.sort]
    start, stop = query.hit_range
    return search.sort(*order)[start:stop].to_dict()


def build_suggest(terms, limit):
    musts = [
        Q("prefix", title_folded=t) if i == len(terms) - 1 else Q("term", title_folded=t)
        for i, t in enumerate(terms)
    ]
    search = Search().query(Q("bool", must=musts)).sort({"kind": "desc"}, "sort_name")
    return search.extra(_source=SOURCE)[:limit].to_dict()


class EngineBackend:
    """Searches the live alias of the configured engine."""

    def __init__(self, engine=None):
        self.engine = engine or get_engine()
        self.name = self.engine.name

    def search(self, query):
        response = self.engine.search(index_alias(), build_search(query))
        return SearchResult(
            backend=self.name,
            count=response["hits"]["total"]["value"],
            hits=[hit["_source"] for hit in response["hits"]["hits"]],
            facets=facet_buckets(response["aggregations"]),
        )

    def suggest(self, terms, limit):
        response = self.engine.search(index_alias(), build_suggest(terms, limit))
        return [hit["_source"] for hit in response["hits"]["hits"]]
