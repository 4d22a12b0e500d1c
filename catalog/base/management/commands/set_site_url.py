"""Points the default site at its public address: the host and port that the sitemap, the
canonical links and shared previews use (Wagtail builds full URLs from the Site record).

    manage.py set_site_url https://sanpham.example.vn
"""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


class Command(BaseCommand):
    help = "Set the default site's host and port from its public URL."

    def add_arguments(self, parser):
        parser.add_argument("url", help="the site's public base URL, e.g. https://example.org")

    def handle(self, *args, url, **options):
        parts = urlsplit(url)
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            raise CommandError(f"{url!r} is not an http:// or https:// URL with a host name.")
        try:
            port = parts.port or DEFAULT_PORTS[parts.scheme]
        except ValueError as error:
            raise CommandError(f"{url!r}: {error}.") from error
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet: run migrate first.")
        if (site.hostname, site.port) == (parts.hostname, port):
            self.stdout.write(f"The site is already at {site.root_url}.")
            return
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"The site is now at {site.root_url}.")
