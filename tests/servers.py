"""Real local servers for tests that need the outside world: a mail server that accepts
connections and never answers, and a working one (aiosmtpd), each on a free loopback port;
the task worker, run on the test database; and Django in a process of its own."""

import contextlib
import io
import logging
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path
from unittest import mock

from aiosmtpd.controller import Controller
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker

ROOT = Path(__file__).resolve().parents[1]


def process_env(**env):
    """The suite's environment without its database and engine, plus `env`: a process of
    its own names its own database."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SEARCH_URL")}
    return {**inherited, **env}


def django_process(*args, input=None, timeout=120, text=True, **env):
    """`python args` from the checkout in a process of its own (see process_env)."""
    return subprocess.run(  # noqa: S603 - the suite's own commands
        [sys.executable, "-W", "ignore", *args],
        input=input,
        cwd=ROOT,
        env=process_env(**env),
        capture_output=True,
        text=text,
        timeout=timeout,
        check=False,
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def stalled_smtp_server():
    """Accepts every connection and never says a word: what hung the site's workers."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def accept():
        with contextlib.suppress(OSError):  # closed at the end
            while True:
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        listener.close()
        for conn in accepted:
            conn.close()
        thread.join(5)


class Mailbox:
    """aiosmtpd's handler: keeps what the server received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope)
        return "250 OK"


@contextlib.contextmanager
def smtp_server():
    """A working SMTP server; yields (port, mailbox)."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, mailbox
    finally:
        controller.stop()


def use_smtp(settings, port, timeout=1):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = timeout


def use_database_queue(settings):
    """The queue of production and the demo instead of the tests' immediate backend."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """The real `manage.py db_worker`, in this process and on this test's database, until no
    task is ready to run. Returns its output. The command sets its loggers' levels; they are
    put back afterwards. Between tasks it closes "old" connections, which includes one inside a
    transaction: on PostgreSQL that would close the test's own (on SQLite's in-memory test
    database a close does nothing), so it keeps the test's connection, as Django's test client
    does around requests."""
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    out = io.StringIO()
    try:
        with mock.patch(f"{db_worker.__name__}.close_old_connections", return_value=None):
            call_command(
                "db_worker",
                "--batch",
                "--no-startup-delay",
                "--no-reload",
                "--interval=0",
                stdout=out,
            )
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
    return out.getvalue()
