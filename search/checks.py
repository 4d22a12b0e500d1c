"""System checks of the search engine's configuration: mistakes that would otherwise show only
when a buyer searches, or never (a password sent in clear, a certificate nobody checks)."""

import ipaddress
import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

from .engines import _credentials, redacted, urls


def _loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@checks.register()
def search_engine_settings(app_configs, **kwargs):
    """The index settings are numbers an engine accepts, the CA file is there, and outside
    debug credentials do not travel over plain HTTP and certificates are checked."""
    found = []
    if settings.SEARCH_INDEX_SHARDS < 1 or settings.SEARCH_INDEX_REPLICAS < 0:
        found.append(
            checks.Error(
                f"SEARCH_INDEX_SHARDS is {settings.SEARCH_INDEX_SHARDS} and "
                f"SEARCH_INDEX_REPLICAS {settings.SEARCH_INDEX_REPLICAS}: an index needs one "
                "shard or more and zero replicas or more.",
                id="catalog_search.E001",
            )
        )
    ca_certs = settings.SEARCH_CA_CERTS
    if ca_certs and not os.access(ca_certs, os.R_OK):
        found.append(
            checks.Error(
                f"SEARCH_CA_CERTS names {ca_certs}, which is not a file this process can read.",
                hint="Give the path of the PEM file with the certificate of the cluster's CA.",
                id="catalog_search.E002",
            )
        )
    if not settings.SEARCH_URL or settings.DEBUG:
        return found
    if not settings.SEARCH_VERIFY_CERTS:
        found.append(
            checks.Warning(
                "SEARCH_VERIFY_CERTS is 0: the search engine's certificate is not checked, so "
                "anyone between the site and the engine can read its password and its answers.",
                hint="Set SEARCH_CA_CERTS to the cluster's CA file instead.",
                id="catalog_search.W001",
            )
        )
    for url in urls(settings.SEARCH_URL):
        bare, auth = _credentials(url)
        host = urlsplit(bare).hostname or ""
        has_password = auth is not None or settings.SEARCH_USERNAME
        if has_password and bare.startswith("http:") and not _loopback(host):
            found.append(
                checks.Warning(
                    f"The search engine's credentials go over plain HTTP to {redacted(url)}.",
                    hint="Use https:// for an engine on another machine.",
                    id="catalog_search.W002",
                )
            )
    return found
