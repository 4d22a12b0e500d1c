"""A write SQLite could not make in time: another writer (an import, an editor, the index
queue) held the database longer than the busy timeout (settings, DATABASES). The person is
told so in a sentence and may try again; nothing of the refused write was saved, since the
transaction it was part of was rolled back."""

import logging

from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy, override

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds: about how long a large import holds the database
MESSAGE = gettext_lazy(
    "The catalogue is busy saving other changes, and yours could not be saved. "
    "Please try again in a minute."
)


def is_busy(exc):
    """SQLite's "database is locked" (or "database table is locked")."""
    return isinstance(exc, OperationalError) and "is locked" in str(exc)


class DatabaseBusyMiddleware:
    """Answers 503 with Retry-After, in JSON for the API and JSON clients, as a page for
    people, to a view that met a locked database. (It sees what views and their templates
    raise, where the writes are, not what other middleware raises.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_busy(exception):
            return None
        logger.warning("Database busy, %s %s refused: %s", request.method, request.path, exception)
        accept = request.headers.get("Accept", "")
        if request.path_info.startswith("/api/") or accept.startswith("application/json"):
            with override("en"):  # the API's messages are English
                response = JsonResponse({"detail": str(MESSAGE)}, status=503)
        else:
            response = render(request, "503.html", {"message": MESSAGE}, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
