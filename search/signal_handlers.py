"""Keeps the index in step with the page tree: publish and move write documents, unpublish
and delete remove them; a producer's change rewrites its products (they carry its name and
district). Page types other than products and producers are ignored. A picture that
changes or goes rewrites the documents that show its thumbnail. A view restriction added or
removed (a page made private or public again) rewrites or removes the pages under it, and a
district merged into another rewrites the documents of the producers recorded under it."""

import contextlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index as wagtail_index
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signals import page_published, page_unpublished, post_page_move

from products.models import District, ProducerPage, ProductImage, ProductPage

from . import index
from .documents import (
    THUMBNAIL,
    producer_document,
    product_document,
    searchable_producers,
    searchable_products,
)


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


def restriction_changed(sender, instance, **kwargs):
    """A private page leaves the results at once (searchable pages are public ones), and
    comes back when its restriction goes; a restriction covers the page's subtree."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        page_moved(sender, page)


def district_saved(sender, instance, **kwargs):
    """Documents list a producer's district and every unit it was merged into, so merging
    (or unmerging) one rewrites the documents of the producers recorded under it."""
    districts = instance.with_merged_ids()
    _rewrite(
        searchable_products().filter(producer__district_id__in=districts).values("pk"),
        searchable_producers().filter(district_id__in=districts).values("pk"),
    )


def page_deleted(sender, instance, **kwargs):
    prefix = "product" if isinstance(instance, ProductPage) else "producer"
    index.apply(deletes=[f"{prefix}-{instance.pk}"])


def _showing(image):
    """(product ids, producer ids) of the pages whose documents show this picture (an image
    or its id)."""
    products = ProductImage.objects.filter(image=image).values_list("page_id", flat=True)
    producers = ProducerPage.objects.filter(logo=image).values_list("pk", flat=True)
    return list(products), list(producers)


def _rewrite(product_ids, producer_ids):
    upserts = [product_document(p) for p in searchable_products().filter(pk__in=product_ids)]
    upserts += [producer_document(p) for p in searchable_producers().filter(pk__in=producer_ids)]
    if upserts:
        index.apply(upserts)


def image_saved(sender, instance, created, **kwargs):
    """A changed picture gets new renditions; the old thumbnail URLs stop working."""
    if not created:
        _rewrite(*_showing(instance))


def rendition_deleted(sender, instance, **kwargs):
    """Wagtail deletes a picture's renditions after saving a replaced file; once that has
    happened, make the thumbnails again from the new file."""
    if instance.filter_spec == THUMBNAIL:
        image_id = instance.image_id
        transaction.on_commit(lambda: _rewrite(*_showing(image_id)))


def image_deleting(sender, instance, **kwargs):
    """Once the picture is gone (its links to pages with it), its pages lose the thumbnail."""
    showing = _showing(instance)
    transaction.on_commit(lambda: _rewrite(*showing))


def connect():
    page_published.connect(page_changed, dispatch_uid="search.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search.page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search.page_moved")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search.restriction_{name}",
        )
    post_save.connect(district_saved, sender=District, dispatch_uid="search.district_saved")
    image_model = get_image_model()
    post_save.connect(image_saved, sender=image_model, dispatch_uid="search.image_saved")
    pre_delete.connect(image_deleting, sender=image_model, dispatch_uid="search.image_deleting")
    post_delete.connect(
        rendition_deleted,
        sender=image_model.get_rendition_model(),
        dispatch_uid="search.rendition_deleted",
    )
    for model in (ProductPage, ProducerPage):
        post_delete.connect(
            page_deleted, sender=model, dispatch_uid=f"search.deleted.{model.__name__}"
        )


@contextlib.contextmanager
def search_auto_update_paused():
    """Stop Wagtail's search index from being updated on every save, for a bulk load that
    rebuilds the index at the end. Only Wagtail's own handler is paused."""
    paused = [
        model
        for model in wagtail_index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)
