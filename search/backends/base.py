"""The contract every search backend answers, whatever stores the documents."""

from dataclasses import dataclass, field


@dataclass
class SearchResult:
    backend: str
    count: int
    hits: list  # documents (dicts from search.documents), in order
    facets: dict = field(default_factory=dict)  # field -> {value: count}, own selection ignored
