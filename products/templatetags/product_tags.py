from django import template
from django.db.models import Count

from products.badges import by_year
from products.models import Certification, CertificationLevel, ProductPage

register = template.Library()


@register.inclusion_tag("includes/catalog_summary.html")
def catalog_summary():
    """How many live products hold a certification at each level, for the home page."""
    live = ProductPage.objects.live().public()
    rows = dict(
        Certification.objects.filter(product__in=live.values("pk"))
        .values("level")
        .annotate(n=Count("product", distinct=True))
        .values_list("level", "n")
    )
    return {
        "levels": [
            (value, label, rows.get(value, 0)) for value, label in CertificationLevel.choices
        ],
        "product_count": live.count(),
        "producer_count": live.values("producer").distinct().count(),
    }


@register.inclusion_tag("includes/product_card.html")
def product_card(product):
    return {"product": product}


@register.simple_tag
def recognition_groups(certifications):
    """Certifications (models or payload dicts) grouped by year, in words and with state."""
    return by_year(certifications or [])
