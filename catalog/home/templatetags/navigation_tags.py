from django import template

from fairs.models import FairIndexPage
from products.models import ProducerIndexPage, ProductIndexPage, TrademarkIndexPage

from ..models import BulletinIndexPage, NewsIndexPage, ResultsPage

register = template.Library()

SECTIONS = {
    "producers": ProducerIndexPage,
    "products": ProductIndexPage,
    "trademarks": TrademarkIndexPage,
    "fairs": FairIndexPage,
    "news": NewsIndexPage,
    "bulletins": BulletinIndexPage,
    "results": ResultsPage,
}


@register.simple_tag
def section_url(name):
    """The URL of a live section page ("producers", "news"...); empty when the section does
    not exist yet, so templates can hide the link."""
    page = SECTIONS[name].objects.live().first()
    return page.url if page else ""
