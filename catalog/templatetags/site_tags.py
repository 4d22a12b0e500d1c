from django import template
from django.apps import apps

register = template.Library()


@register.simple_tag
def section_url(model_label):
    """The URL of the live section page of a type, e.g. "products.ProductIndexPage"; empty when
    the section does not exist yet, so templates can hide the link."""
    page = apps.get_model(model_label).objects.live().first()
    return page.url if page else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()
