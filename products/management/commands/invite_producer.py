from django.core.management.base import BaseCommand

from products.producer_access import invite

from ._producer_arg import find_producer


class Command(BaseCommand):
    help = "Give an account access to one producer's pages and e-mail it a set-password link."

    def add_arguments(self, parser):
        parser.add_argument("producer", help="the producer page's id or slug")
        parser.add_argument("email")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, producer, email, first_name, last_name, **options):
        page = find_producer(producer)
        user, created, link = invite(page, email, first_name, last_name)
        verb = "Created" if created else "Linked"
        self.stdout.write(f"{verb} {user.get_username()} for {page.title}.")
        self.stdout.write(f"Set-password link (the task worker e-mails it; works once): {link}")
