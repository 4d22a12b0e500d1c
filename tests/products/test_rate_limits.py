"""The inquiry limits hold across worker processes and forged headers, and the buyer's receipt
repeats nothing the sender wrote."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core import checks
from django.core.cache import caches
from django.db import connection
from django.test import Client

from products.checks import shared_cache_for_rate_limits
from products.models import Inquiry
from tests.products.test_inquiries import inquiry_data

pytestmark = pytest.mark.django_db


def test_the_limit_is_counted_in_the_database_that_all_workers_share(world, settings):
    """Two clients stand for two gunicorn workers; a cache connection of its own stands for a
    third process, and sees the same count, because it lives in the database table."""
    settings.INQUIRY_RATE_LIMITS = {"ip": (3, 3600), "email": (100, 3600)}
    url = f"/lien-he/{world.a_product.pk}/"
    statuses = [
        client.post(url, inquiry_data(email=f"b{n}@example.vn")).status_code
        for n, client in enumerate([Client(), Client(), Client(), Client()])
    ]
    assert statuses == [302, 302, 302, 429]
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM catalog_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert any("inquiry-rate:ip:127.0.0.1" in key for key in keys)
    other_process = caches.create_connection("default")
    assert other_process.get("inquiry-rate:ip:127.0.0.1") == 4


def test_a_forged_forwarded_for_does_not_escape_the_limit(world, client, settings):
    settings.TRUSTED_PROXY_COUNT = 0  # what production now defaults to (below)
    settings.INQUIRY_RATE_LIMITS = {"ip": (2, 3600), "email": (100, 3600)}
    url = f"/lien-he/{world.a_product.pk}/"
    statuses = [
        client.post(
            url, inquiry_data(email=f"b{n}@example.vn"), HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 429, 429, 429]
    assert set(Inquiry.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def production_setting(name, **env):
    """A value of the production settings, read in a fresh interpreter with only the
    required environment (and `env`) set."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environ |= {
        "DJANGO_SECRET_KEY": "k" * 60,
        "DJANGO_ALLOWED_HOSTS": "catalog.example.org",
        **env,
    }
    code = f"import catalog.settings.production as s; print(s.{name})"
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code],
        env=environ,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_production_trusts_no_proxy_unless_told_and_shares_its_cache():
    assert production_setting("TRUSTED_PROXY_COUNT") == "0"
    assert production_setting("TRUSTED_PROXY_COUNT", DJANGO_TRUSTED_PROXY_COUNT="1") == "1"
    assert "DatabaseCache" in production_setting("CACHES['default']['BACKEND']")


@pytest.mark.parametrize(
    ("debug", "backend", "warned"),
    [
        (False, "django.core.cache.backends.locmem.LocMemCache", True),
        (False, "django.core.cache.backends.dummy.DummyCache", True),
        (False, "django.core.cache.backends.db.DatabaseCache", False),
        (True, "django.core.cache.backends.locmem.LocMemCache", False),
    ],
)
def test_a_per_process_cache_is_warned_of_outside_debug(settings, debug, backend, warned):
    settings.DEBUG = debug
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "catalog_cache"}}
    found = [m.id for m in checks.run_checks(tags=[checks.Tags.caches])]
    assert ("products.W001" in found) is warned
    assert [m.id for m in shared_cache_for_rate_limits(None)] == (["products.W001"] * warned)


def test_the_receipt_repeats_nothing_the_sender_wrote(world, client, mailoutbox):
    data = inquiry_data(
        name="Khuyến mãi lớn tại http://lua-dao.example",
        company="Trúng thưởng 100 triệu",
        phone="0999 999 999",
        quantity="Nhấp vào liên kết",
        message="Tài khoản của bạn bị khóa, đăng nhập tại http://lua-dao.example/dang-nhap",
    )
    assert client.post(f"/lien-he/{world.a_product.pk}/", data).status_code == 302
    to_producer, receipt = mailoutbox
    assert receipt.to == ["mua@thuongmai.vn"]
    text = receipt.subject + receipt.body
    for field in ("name", "company", "phone", "quantity", "message"):
        assert data[field] not in text
    assert "lua-dao" not in text
    assert world.a_product.title in receipt.body
    assert "xuctien@example.com" in receipt.body  # the centre's contact
    assert "Xin chào," in receipt.body  # in Vietnamese, the site's language
    assert data["message"] in to_producer.body  # the producer still gets the inquiry
