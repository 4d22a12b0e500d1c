"""The contract every search backend answers, whatever stores the documents."""

from dataclasses import dataclass, field


@dataclass
class SearchResult:
    backend: str
    count: int
    hits: list  # documents (dicts from search.documents), in order
    facets: dict = field(default_factory=dict)  # field -> {value: count}, own selection ignored


def facet_string(document):
    """The facet values of a document as "field=value" words, for the database columns."""
    from search.facets import FACET_FIELDS

    return " ".join(f"{f}={v}" for f in FACET_FIELDS for v in document.get(f, []))


def term_matches(words, term, prefix):
    """Whether a normalised term matches one of the words: equal, or its beginning when the
    term is the last one typed (the buyer may be half-way through it)."""
    return any(w == term or (prefix and w.startswith(term)) for w in words)
