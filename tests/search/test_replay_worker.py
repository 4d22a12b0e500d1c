"""Index writes to the engine go through the task worker: a publish never waits on the engine,
and after an outage the periodic replay brings the index up to date with no manual step."""

import time

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from search import engines, index
from search.models import PendingIndexChange
from tests.factories import small_catalog
from tests.search.conftest import BackendSettings, rebuild
from tests.search.test_sync import CLOSED_PORT_URL, ENGINES, found
from tests.servers import run_worker, use_database_queue

pytestmark = pytest.mark.django_db


def waiting_replays():
    return DBTaskResult.objects.filter(
        task_path=index.replay_periodically.module_path, status=TaskResultStatus.READY
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_recovered_engine_catches_up_by_itself(engine, settings, committed):
    with BackendSettings(engine):
        data = small_catalog()
        rebuild()
        use_database_queue(settings)
        product = data["products"]["my_do"]
        with override_settings(SEARCH_URL=CLOSED_PORT_URL):
            engines._engines.clear()
            product.title = "Mỳ gạo đỏ hữu cơ"
            started = time.perf_counter()
            with committed():
                product.save_revision().publish()
            assert time.perf_counter() - started < 2
            assert PendingIndexChange.objects.filter(key=f"product-{product.pk}").exists()
            run_worker()  # the engine is down: the change stays queued, with why
            change = PendingIndexChange.objects.get(key=f"product-{product.pk}")
            assert change.error
        engines._engines.clear()
        # The engine is back, still without the edit.
        assert "Mỳ gạo đỏ hữu cơ" not in found("gao do huu co")
        [replay] = waiting_replays()
        assert replay.run_after > timezone.now()
        replay.run_after = timezone.now()  # SEARCH_REPLAY_INTERVAL has passed
        replay.save(update_fields=["run_after"])
        run_worker()
        assert found("gao do huu co") == {"Mỳ gạo đỏ hữu cơ"}
        assert PendingIndexChange.objects.count() == 0
        assert waiting_replays().count() == 1  # and it comes back later


def test_the_replay_is_scheduled_once(settings):
    use_database_queue(settings)
    for _ in range(3):
        index.schedule_replay()
    assert waiting_replays().count() == 1
    assert waiting_replays().get().run_after > timezone.now()


def test_a_publish_queues_its_engine_write_for_the_worker(settings, committed):
    with BackendSettings("opensearch"):
        data = small_catalog()
        rebuild()
        use_database_queue(settings)
        with committed():
            data["products"]["khay"].unpublish()
        assert "Khay tre cuốn" in found("khay")  # the request did not write to the engine
        run_worker()
        assert "Khay tre cuốn" not in found("khay")
        assert PendingIndexChange.objects.count() == 0
