"""Index documents: products and producers flattened into plain dicts, once, in Python.

Every backend stores these same dicts, so the engines and the database agree on what a
document holds, and a result page renders from the stored payload without database queries.
"""

import logging

from wagtail.images.models import SourceImageIOError

from catalog.base.text import exact_key, fold, plain_text
from products.api import product_item
from products.models import Certification, ProducerPage, ProductPage

logger = logging.getLogger(__name__)


THUMBNAIL = "fill-160x120|format-webp"
# The shape of the documents and of the index rows made from them. Raise it when either
# changes: `search_index status` then says the index was built by an older version and
# needs `search_index rebuild`. 2: exact keys in the word index, the kind facet, the body
# for snippets, the title length, merged districts, no certification facets on producers.
DOCUMENT_VERSION = 2
BODY_LENGTH = 5000  # of a description kept for snippets


def thumbnail(image):
    """The picture beside a result, rendered when the document is made so that a results
    page reads no images. A missing original file leaves the result without a picture
    rather than stopping the indexing."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(THUMBNAIL)
    except SourceImageIOError:
        logger.warning("No thumbnail for image %s: its file is missing", image.pk)
        return None
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def _join(*parts):
    return " ".join(str(p) for p in parts if p)


def district_slugs(district):
    """The district and every unit it was merged into, newest last: a filter by the unit
    that took over finds the producers still recorded under the old one."""
    slugs, seen = [], set()
    while district is not None and district.pk not in seen:
        seen.add(district.pk)
        slugs.append(district.slug)
        district = district.merged_into
    return slugs


def _text_fields(title, text):
    """The matching forms of a document's text, made by the one normaliser, and what every
    document carries for ranking and versioning."""
    return {
        "version": DOCUMENT_VERSION,
        "title_length": len(fold(title)),
        "title_folded": fold(title),
        "title_exact": exact_key(title),
        "text_folded": fold(text),
        "text_exact": exact_key(text),
    }


def product_document(product):
    """The search document of a product: its own words plus its producer's name and
    district, so that a producer's name or place finds its products. Only words a result's
    card can show (title, producer, district, its own category, the snippet from the body)
    are matched: a parent category's name ("Thủ công mỹ nghệ") made `mi chu` find pots."""
    producer = product.producer
    category = product.category
    certifications = list(product.certifications.all())
    tags = [item.tag.name for item in product.tagged_items.all()]  # prefetched, unlike .tags
    text = _join(
        product.title,
        product.intro,
        plain_text(product.description),
        category.name,
        producer.title if producer else "",
        producer.district.name if producer else "",
        " ".join(tags),
        product.trademark.mark if product.trademark_id else "",
        product.ingredients,
    )
    return {
        "id": f"product-{product.pk}",
        "kind": "product",
        "pk": product.pk,
        "title": product.title,
        **_text_fields(product.title, text),
        "category": [category.slug] + ([category.parent.slug] if category.parent_id else []),
        "level": sorted({c.level for c in certifications}),
        "year": sorted({c.year for c in certifications}),
        "district": district_slugs(producer.district) if producer else [],
        "producer_type": [producer.legal_form] if producer else [],
        "has_trademark": ["yes" if product.trademark_id else "no"],
        "newest_year": max((c.year for c in certifications), default=0),
        "sort_name": fold(product.title),
        "summary": product.intro or plain_text(product.description)[:300],
        "body": " · ".join(
            p
            for p in (
                product.intro,
                plain_text(product.description),
                product.ingredients,
                ", ".join(tags),
            )
            if p
        )[:BODY_LENGTH],
        "thumbnail": thumbnail(product.main_image),
        "payload": product_item(product, None),
    }


def producer_document(producer):
    """A producer as its own result, with the facets of the products it makes, except the
    certification ones: certification facets count products (a producer holds none)."""
    products = producer.product_pages.live().public()
    categories = {
        slug
        for pair in products.values_list("category__slug", "category__parent__slug")
        for slug in pair
        if slug
    }
    years = set(Certification.objects.filter(product__in=products).values_list("year", flat=True))
    text = _join(producer.title, producer.intro, producer.address, producer.district.name)
    return {
        "id": f"producer-{producer.pk}",
        "kind": "producer",
        "pk": producer.pk,
        "title": producer.title,
        **_text_fields(producer.title, text),
        "category": sorted(categories),
        "district": district_slugs(producer.district),
        "producer_type": [producer.legal_form],
        "has_trademark": ["yes" if producer.trademarks.exists() else "no"],
        "newest_year": max(years, default=0),
        "sort_name": fold(producer.title),
        "summary": producer.intro or producer.address,
        "body": _join(producer.intro, producer.address)[:BODY_LENGTH],
        "thumbnail": thumbnail(producer.logo),
        "payload": {
            "id": producer.pk,
            "title": producer.title,
            "url": producer.get_url(),
            "legal_form": producer.legal_form,
            "district": {"slug": producer.district.slug, "name": producer.district.name},
        },
    }


def searchable_products():
    return (
        ProductPage.objects.live()
        .public()
        .select_related("producer__district__merged_into", "category__parent", "trademark")
        .prefetch_related("certifications", "tagged_items__tag", "images__image")
    )


def searchable_producers():
    return ProducerPage.objects.live().public().select_related("district__merged_into", "logo")


def all_documents():
    """Every document the index should hold, for a rebuild or a status check."""
    for product in searchable_products().iterator(chunk_size=500):
        yield product_document(product)
    for producer in searchable_producers().iterator(chunk_size=500):
        yield producer_document(producer)
