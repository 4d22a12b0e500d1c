"""The request id travels from the X-Request-ID header into every log record and back into
the response; LOG_FORMAT=json writes one JSON object per line."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings

from catalog.base.logs import JsonFormatter, RequestIdFilter


class Captured(logging.Handler):
    """Keeps the records that pass the site's request-id filter."""

    def __init__(self):
        super().__init__()
        self.addFilter(RequestIdFilter())
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def captured():
    handler = Captured()
    loggers = [logging.getLogger(name) for name in ("django.request", "search")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)


@pytest.mark.django_db
def test_an_incoming_request_id_comes_back_and_marks_the_log_records(client, captured):
    response = client.get("/khong-co-trang-nay/", HTTP_X_REQUEST_ID="lb-7f3a.42")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "lb-7f3a.42"
    [record] = [r for r in captured.records if r.getMessage().startswith("Not Found")]
    assert record.request_id == "lb-7f3a.42"


@pytest.mark.django_db
def test_records_written_while_answering_carry_the_id(client, settings, captured):
    """The search layer warns from inside the request that the engine is unreachable."""
    settings.SEARCH_URL = "http://127.0.0.1:9"  # the discard port: nothing listens
    response = client.get("/readyz", HTTP_X_REQUEST_ID="0af7651916cd43dd8448eb211c80319c")
    [record] = [r for r in captured.records if r.name.startswith("search")]
    assert record.request_id == response["X-Request-ID"] == "0af7651916cd43dd8448eb211c80319c"


@pytest.mark.parametrize("incoming", ["", "two words", 'x"y', "a" * 200, "-leading-dash"])
def test_a_missing_or_odd_request_id_is_replaced(client, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    generated = response["X-Request-ID"]
    assert generated != incoming
    assert len(generated) == 32
    assert int(generated, 16) >= 0


def test_records_outside_a_request_say_so():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_a_json_line_parses_with_the_traceback_inside():
    try:
        raise ValueError("tỉnh Bắc Giang")
    except ValueError:
        record = logging.LogRecord(
            "catalog", logging.ERROR, __file__, 1, "failed %s", ("once",), sys.exc_info()
        )
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "failed once"
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "catalog"
    assert entry["request_id"] == "-"
    assert "tỉnh Bắc Giang" in entry["exception"]
    assert entry["time"].endswith("+00:00")


def test_log_format_json_configures_the_production_logs():
    """The production settings with LOG_FORMAT=json: what a command logs on standard error is
    one JSON object per line, with the request id field."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "catalog.settings.production",
        "DJANGO_SECRET_KEY": "log-test-" + "k3y" * 20,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "LOG_FORMAT": "json",
    }
    code = "import django, logging; django.setup(); logging.getLogger('x').warning('hi %s', 1)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    [line] = done.stderr.splitlines()
    entry = json.loads(line)
    assert entry["message"] == "hi 1"
    assert entry["request_id"] == "-"
