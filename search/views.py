"""The buyers' search page: products and producers, facets, sorting, highlights, paging."""

from django.core.paginator import Page, Paginator
from django.shortcuts import render
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from . import service
from .query import RESULT_WINDOW, parse, reachable

PAGE_SIZE = 12


class _Window(Paginator):
    """A paginator over a count the backend already knows, for page links without a list."""

    def __init__(self, count, per_page):
        super().__init__(range(count), per_page, allow_empty_first_page=True)


def _window_problem():
    """Why a deep page shows the last one search can reach (RESULT_WINDOW, "10.000")."""
    window = numberformat.format(
        RESULT_WINDOW, "", grouping=3, thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )  # fmt: skip
    return _(
        "Search shows only the first %(window)s results; narrow your search to see the others."
    ) % {"window": window}


def search_page(request):
    query = parse(request.GET, page_size=PAGE_SIZE)
    result, notice = service.search(query)
    paginator = _Window(reachable(result.count), query.page_size)
    if result.count and query.page > paginator.num_pages:
        query.page = paginator.num_pages
        if result.count > RESULT_WINDOW:
            query.problems.append(_window_problem())
        result, notice = service.search(query)
    hits = [
        {**doc, "highlight": service.highlights(doc, query, result.stage)} for doc in result.hits
    ]
    facets = service.facet_values(result, query, request.GET)
    context = {
        "query": query,
        "result": result,
        "hits": hits,
        "notice": notice,
        "partial_notice": service.partial_notice(result),
        "facets": facets,
        "page_obj": Page(range(paginator.count), query.page, paginator),
        "active_filters": [
            (facet, value) for facet in facets for value in facet["values"] if value["selected"]
        ],
    }
    return render(request, "search/search_page.html", context)
