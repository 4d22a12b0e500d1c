"""The contract every search backend answers, whatever stores the documents."""

from dataclasses import dataclass, field

from search import matching


@dataclass
class SearchResult:
    backend: str
    count: int
    hits: list  # documents (dicts from search.documents), in order
    facets: dict = field(default_factory=dict)  # field -> {value: count}, own selection ignored
    matched: int = 0  # documents the text matches, before any facet filter
    stage: str = "typed"  # the matching stage that answered (search.matching.STAGES)

    @property
    def match(self):
        """ "all" when every word typed matched, "any" when only some did."""
        return matching.match_of(self.stage)


class StagedSearch:
    """Runs search.matching's stages in order and answers with the first whose words match
    something: the decision ignores facet filters, so a filter that empties the page never
    widens the words' meaning. Backends implement search_stage(query, stage)."""

    def search(self, query):
        stages = matching.stages(query)
        for stage in stages:
            result = self.search_stage(query, stage)
            if result.matched or stage == stages[-1]:
                result.stage = stage
                return result
        raise AssertionError("stages() is never empty")  # pragma: no cover
