"""schema.org descriptions of products and producers (catalog.base.seo)."""

from catalog.base.seo import absolute, describes, description_of, image_object

from .models import ProducerPage, ProductPage

CONTEXT = "https://schema.org"


def award_of(certification):
    """A recognition in words, as a buyer reads it on the page."""
    parts = [certification.get_scheme_display(), certification.get_level_display()]
    if certification.ocop_stars:
        parts.append(f"{certification.ocop_stars}★")
    return f"{' · '.join(str(part) for part in parts)} ({certification.year})"


def organisation(producer, request):
    """The producer as a LocalBusiness: who makes it and how to reach them."""
    data = {
        "@type": "LocalBusiness",
        "@id": producer.get_full_url(request) + "#producer",
        "name": producer.title,
        "url": producer.get_full_url(request),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": producer.address,
            "addressLocality": producer.district.name,
            "addressCountry": "VN",
        },
    }
    for key, value in (
        ("telephone", producer.phone),
        ("email", producer.email),
        ("sameAs", producer.website),
        ("foundingDate", producer.established_year and str(producer.established_year)),
    ):
        if value:
            data[key] = value
    logo = image_object(request, producer.logo)
    if logo:
        data["logo"] = logo["url"]
    return data


@describes(ProductPage, og_type="product")
def product(page, request):
    data = {
        "@context": CONTEXT,
        "@type": "Product",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": description_of(page),
        "category": page.category.name,
    }
    images = [image_object(request, item.image) for item in page.images.all()]
    if images:
        data["image"] = [image["url"] for image in images]
    if page.producer:
        data["manufacturer"] = organisation(page.producer, request)
    if page.trademark:
        data["brand"] = {"@type": "Brand", "name": page.trademark.mark}
    awards = [award_of(cert) for cert in page.certification_history]
    if awards:
        data["award"] = awards
    return data


@describes(ProducerPage)
def producer(page, request):
    data = {"@context": CONTEXT, **organisation(page, request)}
    if description_of(page):
        data["description"] = description_of(page)
    products = page.products()
    if products:
        data["makesOffer"] = [
            {
                "@type": "Offer",
                "itemOffered": {
                    "@type": "Product",
                    "name": item.title,
                    "url": absolute(request, item.get_url(request)),
                },
            }
            for item in products
        ]
    return data
