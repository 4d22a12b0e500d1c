"""/healthz and /readyz, for the load balancer and the monitoring (README, "Monitoring").

/healthz says the process answers, touching nothing else. /readyz checks what a request needs:
the database, the cache (rate limits, sessions' neighbours), the task queue, and says who
answers searches. It is 503 when the database, the cache or the task queue fails, and 200 when
only the search engine is down, since search then answers from the database.

A middleware answers both, placed right after the request id and before SecurityMiddleware and
CommonMiddleware: probes come by address over plain HTTP from inside the network, so the HTTPS
redirect, ALLOWED_HOSTS, sessions, the locale and the Content-Security-Policy never see them
(SECURE_REDIRECT_EXEMPT is not needed for them). They live in the project package because
/readyz asks the search layer, above the shell."""

import logging
import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse

from search import service as search_service

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 30)
    if cache.get(key) != "ok":
        raise RuntimeError("a value set in the cache was not read back")
    cache.delete(key)


def _tasks():
    """The number of tasks waiting for the worker; None without the database task backend."""
    if not apps.is_installed("django_tasks_db"):
        return None
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def readiness():
    """(body, HTTP status) of /readyz."""
    body, failed = {}, False
    for name, check in (("database", _database), ("cache", _cache), ("tasks", _tasks)):
        try:
            value = check()
        except Exception:  # any failure of a dependency is the answer, not an error page
            logger.exception("Readiness check %s failed", name)
            body[name], failed = "down", True
            continue
        if name == "tasks" and value is None:
            body[name] = "not installed"
        else:
            body[name] = "ok"
            if name == "tasks":
                body["tasks_waiting"] = value
    body["search"] = search_service.status()
    return body, 503 if failed else 200


class HealthMiddleware:
    """Answers /healthz and /readyz (with or without a trailing slash) before the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info.rstrip("/")
        if path == "/healthz":
            return HttpResponse("ok", content_type="text/plain")
        if path == "/readyz":
            body, status = readiness()
            return JsonResponse(body, status=status, headers={"Cache-Control": "no-store"})
        return self.get_response(request)
