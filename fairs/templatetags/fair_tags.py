from django import template

from fairs.history import exhibit_history as history

register = template.Library()


@register.simple_tag
def exhibit_history(subject):
    """{"past": [exhibit, ...] newest first, "next": exhibit or None} for a producer or product."""
    return history(subject)
