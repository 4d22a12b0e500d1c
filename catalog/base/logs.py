"""Structured logs: every log record carries the id of the request it was written in, and
LOG_FORMAT=json writes one JSON object per line, so that a log collector can follow one
request from nginx's access log (which logs the same id) through the app's lines.

Standard library only: `logging.Formatter` and `logging.Filter` are all this needs."""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

# An id from the proxy or the client is kept when it looks like one (nginx's $request_id is 32
# hex digits, a UUID has hyphens); anything else (spaces, quotes, a kilobyte) is replaced, so
# it cannot forge or break log lines.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
NO_REQUEST = "-"

current_request_id = contextvars.ContextVar("request_id", default=NO_REQUEST)


class RequestIdMiddleware:
    """Takes the request's X-Request-ID (or makes one), keeps it for the log records written
    while the request is answered, and returns it in the response's X-Request-ID header.
    First in MIDDLEWARE, so that every other middleware's records carry it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response.headers["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record that passes ("-" outside a request: commands, the
    task worker), for the formatters to print. Django logs a response's 4xx or 5xx status
    after the middleware has returned, with the request attached: its id is taken from it."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", None) or current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id,
    the status code of django.request's records, and the traceback when there is one."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", current_request_id.get()),
        }
        if hasattr(record, "status_code"):
            entry["status_code"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
