"""A buyer's search request, checked before it reaches any backend: bounded text, facet
values from the whitelist, a known sort, sane paging. The parameters are declared once, in
SEARCH_FILTERS (the facets are products.filters' declarations): the API validates with them
(422 for a malformed value, 400 for an unknown slug, as every list endpoint does), and the
search page reads them forgivingly, ignoring a bad value with a notice."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalog.base.filters import ChoiceFilter, FilterSet, TextFilter, page_filters
from catalog.base.text import exact_key, fold

from .facets import FACETS

_PLAIN = re.compile(r"[\w\- .]+")
MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 100
# How many results a search pages through, on every backend: the engines refuse a page that
# ends beyond their index.max_result_window (10,000 unless an index sets more), so a page
# past it is past the end, on the database as well, rather than an engine failure.
RESULT_WINDOW = 10_000
SORTS = ("relevance", "newest", "name")

TEXT = TextFilter(
    name="q",
    label=gettext_lazy("Search"),
    description=f"The search text, at most {MAX_QUERY_LENGTH} characters.",
    default="",
    max_length=MAX_QUERY_LENGTH,
)
SORT = ChoiceFilter(
    name="sort",
    label=gettext_lazy("Sort"),
    description="relevance (default), newest or name.",
    default="relevance",
    options=tuple((s, s) for s in SORTS),
)
PAGE, PAGE_SIZE = page_filters(page_size=20, max_page_size=MAX_PAGE_SIZE)
SEARCH_FILTERS = FilterSet(
    "SearchFilters", TEXT, *(f.filter for f in FACETS), SORT, PAGE, PAGE_SIZE
)
SUGGEST_FILTERS = FilterSet("SuggestFilters", TEXT)


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet field -> selected value
    sort: str = "relevance"
    page: int = 1
    page_size: int = 12
    problems: list = field(default_factory=list)
    options: dict = field(default_factory=dict)  # facet field -> {value: label}, read once

    @cached_property
    def folded_terms(self):
        return fold(self.text).split()

    @cached_property
    def exact_terms(self):
        return exact_key(self.text).split()

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @property
    def hit_range(self):
        """(start, stop) of the page's results that a backend returns: the page, cut at
        RESULT_WINDOW (so a page beyond it asks for none)."""
        return min(self.offset, RESULT_WINDOW), min(self.offset + self.page_size, RESULT_WINDOW)


def reachable(count):
    """How many of a search's `count` results can be paged through."""
    return min(count, RESULT_WINDOW)


def _shown(value):
    """A rejected value as it may be quoted back: plain words only, never markup."""
    value = str(value)[:60]
    return value if _PLAIN.fullmatch(value) else _("(an invalid value)")


def build(values, *, kind=None):
    """A SearchQuery from SEARCH_FILTERS' resolved values; `kind` is the kind facet's value
    when the request chose none (the API's default: products)."""
    query = SearchQuery(
        text=values.q, sort=values.sort, page=values.page, page_size=values.page_size
    )
    for facet in FACETS:
        query.options[facet.field] = facet.options()
        value = getattr(values, facet.field)
        if value is None and facet.field == "kind":
            value = kind
        if value is not None:
            query.filters[facet.field] = facet.filter.key(value)
    return query


def _problem(declared, raw):
    if declared is TEXT:
        return _("The search text was cut to its first %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
    if declared is SORT:
        return _("Unknown sort order: %(value)s.") % {"value": _shown(raw)}
    if declared is PAGE:
        return _("The page number must be a whole number from 1.")
    if declared is PAGE_SIZE:
        return _("The page size must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}
    return _("Unknown %(facet)s: %(value)s.") % {"facet": declared.label, "value": _shown(raw)}


def parse(params, *, page_size=12):
    """A SearchQuery for the search page, which never fails: every unusable value is dropped
    and named in problems; text that is too long is cut rather than dropped."""
    values, problems = SEARCH_FILTERS.read(params, defaults={"page_size": page_size})
    for declared, raw, _error in problems:
        if declared is TEXT:
            values.q = " ".join(str(raw).split())[:MAX_QUERY_LENGTH]
    query = build(values)
    query.problems = [_problem(declared, raw) for declared, raw, _error in problems]
    return query
