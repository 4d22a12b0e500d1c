"""Shared lookup of the producer named on a command line: page id or slug."""

from django.core.management.base import CommandError

from products.models import ProducerPage


def find_producer(value):
    producers = ProducerPage.objects.all()
    producer = (
        producers.filter(pk=int(value)).first()
        if value.isdigit()
        else producers.filter(slug=value).first()
    )
    if producer is None:
        raise CommandError(f"No producer page with id or slug {value!r}.")
    return producer
