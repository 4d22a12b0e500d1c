"""A quarter's bulletin drafted from the catalog, so editors start from the facts rather than
a blank page. It lives in fairs because it reads products and fairs, which catalog may not.

The body is content in the site's language (Vietnamese), not interface text, so its fixed
phrases are written here in Vietnamese; choice labels are rendered in the site's language.
"""

import datetime

from django.conf import settings
from django.db.models import Max
from django.utils import translation
from django.utils.html import escape

from fairs.models import FairPage
from products.models import Certification, Trademark

from .models import BulletinIndexPage, BulletinPage

NONE = "<p>Không có.</p>"


class DraftError(Exception):
    """The draft cannot be made; the message says why."""


def quarter_bounds(year, quarter):
    """First and last day of a quarter."""
    if quarter not in (1, 2, 3, 4):
        raise DraftError(f"The quarter must be 1 to 4, not {quarter}.")
    start = datetime.date(year, 3 * quarter - 2, 1)
    next_start = next_quarter_start(start)
    return start, next_start - datetime.timedelta(days=1)


def next_quarter_start(start):
    return datetime.date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)


def _date(value):
    return f"{value.day}/{value.month}/{value.year}"


def _list(lines):
    if not lines:
        return NONE
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def _section(title, lines):
    return [
        {"type": "heading", "value": {"text": title, "level": "h2"}},
        {"type": "paragraph", "value": _list(lines)},
    ]


def draft_contents(year, quarter):
    """{section key: [lines]} for the quarter, each list in a stable order."""
    start, end = quarter_bounds(year, quarter)
    next_start, next_end = quarter_bounds(*_following(year, quarter))
    certifications = (
        Certification.objects.filter(product__live=True)
        .select_related("product", "product__producer")
        .order_by("product__title", "level", "pk")
    )
    fairs = FairPage.objects.live().order_by("start_date", "title")
    with translation.override(settings.LANGUAGE_CODE):
        new_certifications = [
            f"{c.product.title} – {c.product.producer.title} – {c.get_level_display()}"
            for c in certifications.filter(issued_on__range=(start, end))
        ]
        trademarks = [
            f"{t.mark} ({t.get_kind_display()}), số {t.registration_number or '—'}"
            + (f" – {t.holder}" if t.holder else "")
            for t in Trademark.objects.public()
            .select_related("owner")
            .filter(registration_date__range=(start, end))
            .order_by("registration_date", "mark")
        ]
        expiring = [
            f"{c.product.title} – {c.product.producer.title} – {c.get_level_display()} "
            f"{c.year}, hết hạn {_date(c.expires_on)}"
            for c in certifications.filter(expires_on__range=(next_start, next_end)).order_by(
                "expires_on", "product__title"
            )
        ]
    return {
        "certifications": new_certifications,
        "trademarks": trademarks,
        "fairs_held": [_fair_line(f) for f in fairs.filter(start_date__range=(start, end))],
        "fairs_upcoming": [
            _fair_line(f) for f in fairs.filter(start_date__range=(next_start, next_end))
        ],
        "expiring": expiring,
    }


def _following(year, quarter):
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def _fair_line(fair):
    count = fair.exhibits.count()
    return f"{fair.title}, {_date(fair.start_date)}–{_date(fair.end_date)}, {fair.city}" + (
        f" ({count} cơ sở tham gia)" if count else ""
    )


def draft_body(year, quarter, contents):
    next_year, next_quarter = _following(year, quarter)
    return [
        *_section("Sản phẩm được công nhận mới", contents["certifications"]),
        *_section("Nhãn hiệu mới được cấp văn bằng", contents["trademarks"]),
        *_section(f"Hội chợ, triển lãm trong quý {quarter}/{year}", contents["fairs_held"]),
        *_section(
            f"Hội chợ sắp diễn ra (quý {next_quarter}/{next_year})", contents["fairs_upcoming"]
        ),
        *_section(f"Chứng nhận hết hạn trong quý {next_quarter}/{next_year}", contents["expiring"]),
    ]


def draft_bulletin(year, quarter, user=None):
    """An unpublished bulletin page for the quarter, under the bulletins index."""
    quarter_bounds(year, quarter)
    index = BulletinIndexPage.objects.first()
    if index is None:
        raise DraftError("There is no bulletins index page to put the draft under.")
    existing = BulletinPage.objects.filter(year=year, quarter=quarter).first()
    if existing is not None:
        raise DraftError(
            f"A bulletin for quarter {quarter}/{year} already exists: {existing.title!r}."
        )
    contents = draft_contents(year, quarter)
    number = (BulletinPage.objects.aggregate(n=Max("issue_number"))["n"] or 0) + 1
    page = BulletinPage(
        title=f"Bản tin khuyến công quý {quarter}/{year}",
        slug=f"ban-tin-quy-{quarter}-{year}",
        issue_number=number,
        quarter=quarter,
        year=year,
        summary=(
            f"Quý {quarter}/{year}: {len(contents['certifications'])} sản phẩm được công nhận, "
            f"{len(contents['trademarks'])} nhãn hiệu mới, "
            f"{len(contents['fairs_held'])} hội chợ."
        ),
        body=draft_body(year, quarter, contents),
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
