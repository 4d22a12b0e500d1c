"""Helpers for background work through django-tasks: the database queue of production and
the demo, and the immediate backend of most tests, behind one interface."""

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend


def enqueue_later(task, delay, *args, **kwargs):
    """Enqueue `task` to run once `delay` has passed. A backend that cannot defer (the
    immediate one of tests) would run it at once, over and over for a self-rescheduling
    task, so there it is not enqueued at all (None)."""
    if not task.get_backend().supports_defer:
        return None
    return task.using(run_after=timezone.now() + delay).enqueue(*args, **kwargs)


def waiting(task):
    """True when the database queue already holds `task`, not yet started."""
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        backend_name=backend.alias, task_path=task.module_path, status=TaskResultStatus.READY
    ).exists()


def enqueue_once(task, delay=None):
    """Enqueue a task without arguments unless one is already waiting: a waiting task does
    the work of every later request for it when it runs."""
    if waiting(task):
        return None
    if delay is not None:
        return enqueue_later(task, delay)
    return task.enqueue()
