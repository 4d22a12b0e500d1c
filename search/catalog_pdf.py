"""The printed catalog of a search selection ("Tải danh mục PDF"): a cover with the centre's
name and the date, a table of contents by category, and one block per product with its
picture, its producer's contacts, its certifications and their verification QR codes.

It is built by a background task (WeasyPrint takes seconds for a few dozen products), with
its progress in the cache, and the file is kept under a key made of the selection, the
language and the catalog's version. Publishing, unpublishing or moving a product or a
producer gives the catalog a new version, so the next request builds a fresh file.

Selections over CATALOG_PDF_LIMIT products are refused with a message: narrow the search."""

import hashlib
import json
import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Site

from catalog.base.site_settings import centre_name
from products import qr
from products.models import ProductPage

from . import service
from .query import MAX_PAGE_SIZE, parse

logger = logging.getLogger(__name__)

CATALOG_PDF_LIMIT = 300
VERSION_KEY = "catalog-pdf:version"
STATUS_TTL = 24 * 3600
FILE_TTL = 7 * 24 * 3600


def catalog_version():
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def bump_version(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def connect():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from products.models import ProducerPage

    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        for model in (ProductPage, ProducerPage):
            signal.connect(bump_version, sender=model, dispatch_uid=f"catalog_pdf.{model.__name__}")


def selection(params):
    """The part of the request that picks the products (no page, no page size)."""
    params = params.copy()
    params["kind"] = "product"  # a catalog lists products, whatever the page showed
    query = parse(params, page_size=1)
    return query, {"q": query.text, "sort": query.sort, **query.filters}


def key_for(picked, language):
    raw = json.dumps([picked, language, catalog_version()], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


def status(key):
    return cache.get(f"catalog-pdf:status:{key}")


def _set_status(key, **values):
    cache.set(f"catalog-pdf:status:{key}", values, STATUS_TTL)


def file_name(key):
    return f"catalog-pdf/{key}.pdf"


def request_catalog(params, language):
    """(key, problem): the key of the catalog being or already built, or a sentence saying
    why there is none (nothing selected, too many products)."""
    query, picked = selection(params)
    result, _notice = service.search(query)
    if result.count == 0:
        return None, _("Nothing matches this search: there is no catalog to print.")
    if result.count > CATALOG_PDF_LIMIT:
        return None, _(
            "A printed catalog holds at most %(limit)d products and this search finds "
            "%(count)d. Choose a category, a level or a district to narrow it."
        ) % {"limit": CATALOG_PDF_LIMIT, "count": result.count}
    key = key_for(picked, language)
    current = status(key)
    if current and current["state"] in ("queued", "running"):
        return key, None
    if current and current["state"] == "done" and default_storage.exists(file_name(key)):
        return key, None
    _set_status(key, state="queued", done=0, total=result.count)
    build_catalog.enqueue(key, params_list(params), language)
    return key, None


def params_list(params):
    return [[name, value] for name in params for value in params.getlist(name)]


def _products(query):
    """The selection's products in the search's order, a page of MAX_PAGE_SIZE at a time."""
    pks, query.page, query.page_size = [], 1, MAX_PAGE_SIZE
    while len(pks) < CATALOG_PDF_LIMIT:
        result, _notice = service.search(query)
        pks += [doc["pk"] for doc in result.hits]
        if query.page * query.page_size >= result.count:
            break
        query.page += 1
    pks = pks[:CATALOG_PDF_LIMIT]
    found = ProductPage.objects.browsable().select_related("category__parent").in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


def _picture(product):
    image = product.main_image
    if image is None:
        return None
    try:
        rendition = image.get_rendition("max-600x400|format-jpeg")
        path = default_storage.path(rendition.file.name)
        return {"url": f"file://{path}", "alt": image.default_alt_text}
    except Exception:  # noqa: BLE001 - a missing original leaves the block without a picture
        logger.warning("No picture for the catalog of product %s", product.pk)
        return None


def _block(product):
    return {
        "product": product,
        "picture": _picture(product),
        "certifications": [
            {"c": c, "qr": qr.svg_data_uri(qr.verification_url(c.code), "s")}
            for c in product.certification_history
        ],
    }


def _sections(blocks):
    sections = {}
    for block in blocks:
        sections.setdefault(block["product"].category.name, []).append(block)
    return sorted(sections.items())


@task()
def build_catalog(key, params, language):
    from django.http import QueryDict
    from weasyprint import HTML

    query_dict = QueryDict(mutable=True)
    for name, value in params:
        query_dict.appendlist(name, value)
    with translation.override(language):
        query, _picked = selection(query_dict)
        products = _products(query)
        total = len(products)
        _set_status(key, state="running", done=0, total=total)
        blocks = []
        for n, product in enumerate(products, start=1):
            blocks.append(_block(product))
            if n % 10 == 0 or n == total:
                _set_status(key, state="running", done=n, total=total)
        site = Site.objects.filter(is_default_site=True).first()
        html = render_to_string(
            "search/catalog_pdf.html",
            {
                "centre": centre_name(site),
                "date": timezone.localdate(),
                "query": query,
                "sections": _sections(blocks),
                "count": total,
            },
        )
        pdf = HTML(string=html, base_url="/").write_pdf()
    name = file_name(key)
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(pdf))
    _set_status(key, state="done", done=total, total=total)
    return total
