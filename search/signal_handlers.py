"""Keeps the index in step with the page tree: publish and move write documents, unpublish
and delete remove them; a producer's change rewrites its products (they carry its name and
district). Page types other than products and producers are ignored."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalog.models import ProducerPage
from products.models import ProductPage

from . import index
from .documents import producer_document, product_document, searchable_products


def _documents_for(page):
    """(documents to write, keys to delete) after a change to this page."""
    page = page.specific
    if isinstance(page, ProductPage):
        product = searchable_products().filter(pk=page.pk).first()
        upserts = [product_document(product)] if product else []
        deletes = [] if product else [f"product-{page.pk}"]
        if page.producer_id:
            producer = ProducerPage.objects.live().public().filter(pk=page.producer_id).first()
            upserts += [producer_document(producer)] if producer else []
        return upserts, deletes
    if isinstance(page, ProducerPage):
        producer = ProducerPage.objects.live().public().filter(pk=page.pk).first()
        upserts = [product_document(p) for p in searchable_products().filter(producer_id=page.pk)]
        if producer:
            return [producer_document(producer), *upserts], []
        return upserts, [f"producer-{page.pk}"]
    return [], []


def page_changed(sender, instance, **kwargs):
    upserts, deletes = _documents_for(instance)
    if upserts or deletes:
        index.apply(upserts, deletes)


def page_moved(sender, instance, **kwargs):
    for page in [instance, *instance.get_descendants()]:
        page_changed(sender, page)


def page_deleted(sender, instance, **kwargs):
    prefix = "product" if isinstance(instance, ProductPage) else "producer"
    index.apply(deletes=[f"{prefix}-{instance.pk}"])


def connect():
    page_published.connect(page_changed, dispatch_uid="search.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search.page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search.page_moved")
    for model in (ProductPage, ProducerPage):
        post_delete.connect(
            page_deleted, sender=model, dispatch_uid=f"search.deleted.{model.__name__}"
        )
