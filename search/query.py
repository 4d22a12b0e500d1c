"""A buyer's search request, checked before it reaches any backend: bounded text, facet
values from the whitelist, a known sort, sane paging. Problems are collected, not raised, so
the page can ignore them with a notice and the API can answer 400 with the same words."""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from catalog.base.text import exact_key, fold

from .facets import FACETS

_PLAIN = re.compile(r"[\w\- .]+")
MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 100
SORTS = ("relevance", "newest", "name")


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet field -> selected value
    sort: str = "relevance"
    page: int = 1
    page_size: int = 12
    kinds: tuple = ("product", "producer")
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


def _shown(value):
    """A rejected value as it may be quoted back: plain words only, never markup."""
    value = str(value)[:60]
    return value if _PLAIN.fullmatch(value) else _("(an invalid value)")


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None if value not in (None, "") else default


def parse(params, *, page_size=12, kinds=("product", "producer")):
    """A SearchQuery from a query dict; every unusable value is dropped and named in problems."""
    query = SearchQuery(page_size=page_size, kinds=kinds)
    text = " ".join(str(params.get("q", "")).split())
    if len(text) > MAX_QUERY_LENGTH:
        query.problems.append(
            _("The search text was cut to its first %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
        )
        text = text[:MAX_QUERY_LENGTH]
    query.text = text
    for facet in FACETS:
        query.options[facet.field] = facet.options()
        value = str(params.get(facet.field, "")).strip()
        if not value:
            continue
        if value in query.options[facet.field]:
            query.filters[facet.field] = value
        else:
            query.problems.append(
                _("Unknown %(facet)s: %(value)s.") % {"facet": facet.label, "value": _shown(value)}
            )
    sort = params.get("sort") or "relevance"
    if sort in SORTS:
        query.sort = sort
    else:
        query.problems.append(_("Unknown sort order: %(value)s.") % {"value": _shown(sort)})
    page = _int(params.get("page"), 1)
    if page is None or page < 1:
        query.problems.append(_("The page number must be a whole number from 1."))
        page = 1
    query.page = page
    size = _int(params.get("page_size"), page_size)
    if size is None or not 1 <= size <= MAX_PAGE_SIZE:
        query.problems.append(
            _("The page size must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}
        )
        size = page_size
    query.page_size = size
    return query
