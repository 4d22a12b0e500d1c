"""Upgrading gives every certification already recorded its own verification code."""

import pytest

from products.recognition import CODE_ALPHABET, CODE_LENGTH
from tests.factories import small_catalog
from tests.migrating import latest_schema_afterwards, migrate  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_existing_certifications_get_distinct_codes():
    small_catalog()
    migrate([("products", "0003_import_job")])  # the rows stay; the code column goes
    new = migrate([("products", "0004_certification_verification")])
    rows = list(
        new.get_model("products", "Certification")
        .objects.select_related("product")
        .values("code", "changed_at", "product__last_published_at")
    )
    assert len(rows) == 6
    codes = [row["code"] for row in rows]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert all(row["changed_at"] == row["product__last_published_at"] for row in rows)
