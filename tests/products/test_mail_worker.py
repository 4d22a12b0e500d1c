"""E-mail goes through the task worker: a mail server that accepts and never answers cannot
hold a request, and what the worker fails to send is kept and tried again."""

import logging
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from products.models import Inquiry
from tests.products.test_inquiries import inquiry_data
from tests.servers import (
    run_worker,
    smtp_server,
    stalled_smtp_server,
    use_database_queue,
    use_smtp,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def stalled(settings):
    # Two seconds: sent inside the request, the two e-mails of an inquiry would take four.
    with stalled_smtp_server() as port:
        use_smtp(settings, port, timeout=2)
        use_database_queue(settings)
        yield port


def timed(call, *args, **kwargs):
    started = time.perf_counter()
    result = call(*args, **kwargs)
    return result, time.perf_counter() - started


def results(task_name):
    return DBTaskResult.objects.filter(task_path__endswith=task_name)


def test_inquiries_answer_at_once_while_the_mail_server_stalls(world, client, stalled, caplog):
    for page in (world.a_product, world.b_producer):
        response, elapsed = timed(client.post, f"/lien-he/{page.pk}/", inquiry_data())
        assert response.status_code == 302, response.content[:300]
        assert elapsed < 2
    response, elapsed = timed(client.get, "/")
    assert response.status_code == 200
    assert elapsed < 2
    assert Inquiry.objects.filter(email_status=Inquiry.EmailStatus.PENDING).count() == 2

    with caplog.at_level(logging.WARNING):
        run_worker()
    # Both saved, both marked for resending, each with its retry waiting in the queue.
    for inquiry in Inquiry.objects.all():
        assert inquiry.email_status == Inquiry.EmailStatus.FAILED
        assert "timed out" in inquiry.email_error
        assert inquiry.email_attempts == 1
    assert results("send_inquiry").filter(status=TaskResultStatus.FAILED).count() == 2
    retries = results("send_inquiry").filter(status=TaskResultStatus.READY)
    assert retries.count() == 2
    assert all(r.run_after > r.enqueued_at for r in retries)
    assert results("send_receipt").filter(status=TaskResultStatus.FAILED).count() == 2
    assert any(
        r.levelno >= logging.ERROR and "MailNotSent" in (r.exc_text or "") for r in caplog.records
    )


def test_inviting_answers_at_once_while_the_mail_server_stalls(world, client, stalled):
    (_, elapsed) = timed(call_command, "invite_producer", str(world.a_producer.pk), "c@mychu.vn")
    assert elapsed < 2
    client.force_login(world.editor)
    url = f"/admin/producer-access/{world.a_producer.pk}/"
    response, elapsed = timed(client.post, url, {"action": "invite", "email": "d@mychu.vn"})
    assert response.status_code == 302
    assert elapsed < 2
    assert get_user_model().objects.filter(email__in=["c@mychu.vn", "d@mychu.vn"]).count() == 2
    run_worker()
    failed = results("send_invitation").filter(status=TaskResultStatus.FAILED)
    assert failed.count() == 2
    assert {r.exception_class_path for r in failed} == {"smtplib.SMTPServerDisconnected"}


def test_the_worker_delivers_through_a_working_mail_server(world, client, settings):
    use_database_queue(settings)
    with smtp_server() as (port, mailbox):
        use_smtp(settings, port)
        client.post(f"/lien-he/{world.a_product.pk}/", inquiry_data())
        call_command("invite_producer", str(world.b_producer.pk), "c@maytre.vn")
        assert mailbox.messages == []  # nothing is sent inside the request
        run_worker()
    recipients = sorted(tuple(sorted(m.rcpt_tos)) for m in mailbox.messages)
    assert recipients == [
        ("a@mychu.vn", "xuctien@example.com"),
        ("c@maytre.vn",),
        ("mua@thuongmai.vn",),
    ]
    inquiry = Inquiry.objects.get()
    assert inquiry.email_status == Inquiry.EmailStatus.SENT
    assert not results("").exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def test_a_failed_inquiry_is_sent_by_its_retry(world, client, settings):
    use_database_queue(settings)
    with stalled_smtp_server() as port:
        use_smtp(settings, port, timeout=1)
        client.post(f"/lien-he/{world.a_product.pk}/", inquiry_data())
        run_worker()
    assert Inquiry.objects.get().email_status == Inquiry.EmailStatus.FAILED
    with smtp_server() as (port, mailbox):
        use_smtp(settings, port)
        retry = results("send_inquiry").get(status=TaskResultStatus.READY)
        retry.run_after = retry.enqueued_at  # its five minutes have passed
        retry.save()
        run_worker()
    assert [sorted(m.rcpt_tos) for m in mailbox.messages] == [["a@mychu.vn", "xuctien@example.com"]]
    inquiry = Inquiry.objects.get()
    assert inquiry.email_status == Inquiry.EmailStatus.SENT
    assert inquiry.email_attempts == 2
