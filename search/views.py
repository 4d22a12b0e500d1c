"""The buyers' search page: products and producers, facets, sorting, highlights, paging."""

import re

from django.core.files.storage import default_storage
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import numberformat, translation
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from . import catalog_pdf as catalog_pdf_module
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


KEY = re.compile(r"[0-9a-f]{64}")


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


def catalog_pdf(request):
    """ "Tải danh mục PDF": start (or find) the printed catalog of this search's selection."""
    key, problem = catalog_pdf_module.request_catalog(request.GET, translation.get_language())
    if problem:
        return render(request, "search/catalog_status.html", {"problem": problem}, status=200)
    return redirect("catalog_pdf_status", key=key)


def _known(key):
    state = catalog_pdf_module.status(key) if KEY.fullmatch(key) else None
    if state is None:
        raise Http404
    return state


def catalog_pdf_status(request, key):
    state = _known(key)
    context = {"state": state, "key": key}
    response = render(request, "search/catalog_status.html", context)
    if state["state"] != "done":
        response["Refresh"] = "3"  # a header, not a script: the status page polls by itself
    return response


def catalog_pdf_download(request, key):
    state = _known(key)
    name = catalog_pdf_module.file_name(key)
    if state["state"] != "done" or not default_storage.exists(name):
        raise Http404
    response = FileResponse(default_storage.open(name, "rb"), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="danh-muc-san-pham.pdf"'
    return response
