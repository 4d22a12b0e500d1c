"""Wagtail's own search (the admin's pages, images, documents, snippets) on Wagtail's database
backend, with Vietnamese diacritics folded on PostgreSQL: there the backend matches words
through a text search configuration, and PostgreSQL's "simple" one keeps "làn" and "lan"
apart, so an editor typing "lan may" did not find "Làn mây". The migration
base.0002 makes `cnnt_folded`, "simple" behind PostgreSQL's unaccent dictionary, and
this backend indexes and searches with it. SQLite's backend is used unchanged."""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

FOLDED_CONFIG = "cnnt_folded"


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "postgresql" and params.get("FOLD_DIACRITICS", True):
        # Both the words typed as they are typed (autocomplete: the admin's searches) and
        # whole words (search) go through the folding configuration, at indexing and query.
        backend.config = backend.autocomplete_config = FOLDED_CONFIG
    return backend
