"""The engine backend: index mapping and queries written once with elasticsearch-dsl, sent
through the adapter to Elasticsearch or OpenSearch alike. Text arrives normalised by
catalog.base.text as plain alphanumeric words, so the standard analyzer (in every engine's core,
even a server without the analysis-common module) is all the analysis needed."""

from django.conf import settings
from elasticsearch_dsl import Integer, Keyword, Mapping, Object, Q, Search, Text

from search import matching
from search.documents import DOCUMENT_VERSION
from search.engines import get_engine, index_alias
from search.facets import FACET_FIELDS, count_groups

from .base import SearchResult, StagedSearch

MAX_FACET_VALUES = 200
MAX_EXPANSIONS = 1000  # fuzzy neighbours of a word: all of them, as the database finds
SOURCE = ["id", "kind", "pk", "title", "summary", "body", "district", "thumbnail", "payload"]
KEY_ORDER = ["kind", "pk"]  # mapped fields that order documents uniquely, to page through all


def index_body():
    """Settings and mappings of a new catalog index; its shards and replicas are the site's
    settings (SEARCH_INDEX_SHARDS, SEARCH_INDEX_REPLICAS), read when the index is made."""
    mapping = Mapping().meta("dynamic", False)  # fields not declared here are only stored
    mapping.meta("_meta", {"document_version": DOCUMENT_VERSION})  # search_index status
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
    mapping.field("title_length", Integer())
    mapping.field("title", Keyword(index=False))
    mapping.field("summary", Text(index=False))
    mapping.field("body", Text(index=False))
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


def word_clause(word, stage):
    """What a document must hold to match this typed word at this stage (search.matching)."""
    if word.marked:
        return Q("prefix" if word.last else "term", text_exact=word.exact)
    folded = Q("prefix" if word.last else "term", text_folded=word.folded)
    if stage in ("fuzzy", "any") and word.forgivable:
        fuzzy = Q(
            "fuzzy",
            text_folded={
                "value": word.folded,
                "fuzziness": 1,
                "prefix_length": matching.FUZZY_PREFIX_LENGTH,
                "transpositions": True,
                "max_expansions": MAX_EXPANSIONS,
            },
        )
        return Q("bool", should=[folded, fuzzy], minimum_should_match=1)
    return folded


def _weighted(clause, weight):
    return Q("constant_score", filter=clause, boost=weight)


def scoring(query):
    """search.matching's weights as constant scores, summed as the database sums them."""
    should = []
    for word in matching.words(query):
        for field, weight in matching.WEIGHTS.items():
            if field.endswith("exact"):
                clause = Q("term", **{field: word.exact})
            else:
                clause = Q("prefix" if word.last else "term", **{field: word.folded})
            should.append(_weighted(clause, weight))
    for first, second in matching.phrases(query):
        kind = "match_phrase_prefix" if second.last else "match_phrase"
        phrase = Q(kind, title_folded=f"{first.folded} {second.folded}")
        should.append(_weighted(phrase, matching.PHRASE))
    return should


def text_query(query, stage):
    clauses = [word_clause(word, stage) for word in matching.words(query)]
    if not clauses:
        return Q("match_all")
    if stage == "any":
        matched = Q("bool", should=clauses, minimum_should_match=1)
    else:
        matched = Q("bool", filter=clauses)
    return Q("bool", filter=[matched], should=scoring(query))


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
        if name == "matched":
            continue
        nested = [(name, aggregation)] if "buckets" in aggregation else aggregation.items()
        for facet, terms in nested:
            if facet in FACET_FIELDS:
                found[facet] = {b["key"]: b["doc_count"] for b in terms["buckets"]}
    return found


def build_search(query, stage="typed"):
    """The request body for a SearchQuery at a matching stage: text match, post-filtered
    facets, the facet aggregations, and how many documents the text matches unfiltered."""
    filters = {name: Q("term", **{name: value}) for name, value in query.filters.items()}
    search = Search().query(text_query(query, stage)).extra(track_total_hits=True, _source=SOURCE)
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    add_facet_aggregations(search, filters)
    search.aggs.bucket("matched", "filter", filter=Q("match_all"))
    order = {
        "relevance": ["_score", "title_length", "sort_name", "pk"],
        "newest": [{"newest_year": "desc"}, "sort_name"],
        "name": ["sort_name", "_score"],
    }[query.sort]
    if query.sort == "relevance" and not query.folded_terms:
        order = ["sort_name", "pk"]
    start, stop = query.hit_range
    return search.sort(*order)[start:stop].to_dict()


def build_suggest(terms, limit):
    musts = [
        Q("prefix", title_folded=t) if i == len(terms) - 1 else Q("term", title_folded=t)
        for i, t in enumerate(terms)
    ]
    search = Search().query(Q("bool", must=musts)).sort({"kind": "desc"}, "sort_name")
    return search.extra(_source=SOURCE)[:limit].to_dict()


class EngineBackend(StagedSearch):
    """Searches the live alias of the configured engine."""

    def __init__(self, engine=None):
        self.engine = engine or get_engine()
        self.name = self.engine.name

    def search_stage(self, query, stage):
        response = self.engine.search(index_alias(), build_search(query, stage))
        return SearchResult(
            backend=self.name,
            count=response["hits"]["total"]["value"],
            hits=[hit["_source"] for hit in response["hits"]["hits"]],
            facets=facet_buckets(response["aggregations"]),
            matched=response["aggregations"]["matched"]["doc_count"],
            stage=stage,
        )

    def suggest(self, terms, limit):
        response = self.engine.search(index_alias(), build_suggest(terms, limit))
        return [hit["_source"] for hit in response["hits"]["hits"]]
