from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from products.producer_access import revoke

from ._producer_arg import find_producer


class Command(BaseCommand):
    help = "Remove one account's (or every account's) access to a producer's pages."

    def add_arguments(self, parser):
        parser.add_argument("producer", help="the producer page's id or slug")
        parser.add_argument("--email", help="only this account; all of them when omitted")

    def handle(self, producer, email=None, **options):
        page = find_producer(producer)
        user = None
        if email:
            user = get_user_model().objects.filter(email__iexact=email).first()
            if user is None:
                raise CommandError(f"No account with e-mail {email!r}.")
        removed = revoke(page, user)
        names = ", ".join(u.get_username() for u in removed) or "nobody"
        self.stdout.write(f"Access to {page.title} removed for: {names}.")
