"""A recognition's state from its dates, codes, and certifications in words on cards and in
the API: scheme, level, year and stars, each year once, expired ones said in text."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from products.badges import api_item, badge_text, by_year
from products.models import Certification
from products.recognition import CODE_ALPHABET, CODE_LENGTH, new_code, state_of
from tests.factories import ProductPageFactory

D = datetime.date
pytestmark = pytest.mark.django_db  # the products tests' autouse cache fixture needs it


@pytest.mark.parametrize(
    ("expires_on", "revoked_on", "today", "state"),
    [
        (None, None, D(2025, 1, 1), "no_expiry"),
        (D(2025, 1, 1), None, D(2024, 12, 31), "valid"),
        (D(2025, 1, 1), None, D(2025, 1, 1), "valid"),  # valid through its expiry day
        (D(2025, 1, 1), None, D(2025, 1, 2), "expired"),
        (D(2024, 2, 29), None, D(2024, 2, 29), "valid"),  # a leap day
        (D(2024, 2, 29), None, D(2024, 3, 1), "expired"),
        (D(2028, 2, 29), None, D(2025, 2, 28), "valid"),
        ("2024-02-29", None, D(2024, 2, 28), "valid"),  # from a stored payload
        (D(2030, 1, 1), D(2024, 5, 1), D(2024, 6, 1), "revoked"),  # revoked wins
        (None, D(2024, 5, 1), D(2024, 6, 1), "revoked"),
    ],
)
def test_state_from_dates(expires_on, revoked_on, today, state):
    assert state_of(expires_on, revoked_on, today) == state


def test_state_defaults_to_the_local_today():
    from django.utils import timezone

    today = timezone.localdate()
    assert state_of(today) == "valid"
    assert state_of(today - datetime.timedelta(days=1)) == "expired"


def test_codes_are_random_unambiguous_and_long_enough():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01IO") & set(CODE_ALPHABET)


def cert(**fields):
    fields = {"scheme": "cnnt", "level": "provincial", "year": 2020, **fields}
    return Certification(**fields)


def test_cards_show_each_year_once_with_scheme_level_and_stars():
    groups = by_year(
        [
            cert(),
            cert(scheme="ocop", ocop_stars=4, expires_on=D(2023, 12, 20)),
            cert(level="regional", year=2021),
        ],
        today=D(2024, 1, 1),
    )
    assert [year for year, _ in groups] == [2021, 2020]
    texts = [badge_text(item) for _, items in groups for item in items]
    assert "Khu vực phía Bắc" in texts[0]
    assert any("4 sao" in t and "(hết hiệu lực)" in t for t in texts)
    assert any(t.startswith("Sản phẩm CNNT tiêu biểu · Cấp tỉnh") for t in texts)


def test_the_api_item_says_expired_and_gives_words():
    item = api_item(cert(scheme="ocop", ocop_stars=3, expires_on=D(2022, 12, 20)))
    assert item["state"] == "expired"
    assert item["state_label"] == "Hết hiệu lực"
    assert item["level_label"] == "Cấp tỉnh"
    assert item["ocop_stars"] == 3
    assert api_item(item) == item  # a stored payload is brought up to date, unchanged


def test_a_revocation_needs_its_reason_and_a_reason_its_date():
    product = ProductPageFactory()
    with pytest.raises(ValidationError) as error:
        cert(product=product, revoked_on=D(2024, 1, 1)).full_clean()
    assert "revocation_reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        cert(product=product, revocation_reason="Vi phạm").full_clean()
    assert "revoked_on" in error.value.message_dict


def test_product_card_and_search_card_show_words_not_colour_alone(client, catalog):
    product = catalog["products"]["ga"]
    product.certifications.add(
        Certification(scheme="ocop", level="provincial", year=2020, ocop_stars=4)
    )
    product.certifications.add(
        Certification(level="provincial", year=2018, expires_on=D(2021, 1, 1))
    )
    product.save_revision().publish()
    producer_html = client.get(product.producer.url).content.decode()
    search_html = client.get("/tim-kiem/", {"level": "regional"}).content.decode()
    for html in (producer_html, search_html):
        card = html[html.index("Gà đồi ủ muối") :]
        ends = [card.find(m) for m in ("</article>", '<li class="hit', "</ol>")]
        card = card[: min(e for e in ends if e > 0)]
        assert "4 sao" in card
        assert "★★★★" in card
        assert "Khu vực phía Bắc" in card
        assert "Hết hiệu lực" in card
        assert card.count(">2020<") == 1  # two recognitions of 2020, one year shown
