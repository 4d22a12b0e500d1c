import pytest

from tests.builders import small_catalog


@pytest.fixture
def catalog(db):
    return small_catalog()
