import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()


# JSON-LD sits in a <script> element: these must not close it or open markup inside it.
SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def script_safe_json(data):
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(SCRIPT_SAFE)
    return mark_safe(text)  # noqa: S308 - nothing in it can end the script element


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context):
    """Canonical URL, hreflang alternates, link-preview tags and JSON-LD (catalog.base.seo)."""
    from catalog.base import seo

    request = context.get("request")
    if request is None:  # a template rendered outside a request has no address
        return {}
    meta = seo.head(request, context.get("page"))
    meta["json_ld"] = [script_safe_json(item) for item in meta["json_ld"]]
    return meta
