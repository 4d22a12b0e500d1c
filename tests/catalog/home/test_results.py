"""The programme's results page: charts drawn as SVG on the server, the same figures as a
table, and sample figures that are exactly the report's."""

import re
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from wagtail.test.utils import WagtailPageTestCase

from catalog.demo import results
from catalog.home.models import HomePage, Indicator, ResultFigure, ResultsPage
from catalog.home.structure import ensure_sections
from tests import FIXTURES

pytestmark = pytest.mark.django_db

# A copy of the province's report (shared/context), so the suite runs wherever it is cloned.
REPORT = FIXTURES / "context" / "khuyen-cong-bac-giang-2014-2020.txt"


class ResultsTreeTests(WagtailPageTestCase):
    def test_results_page_sits_under_home(self):
        self.assertCanCreateAt(HomePage, ResultsPage)
        self.assertAllowedSubpageTypes(ResultsPage, set())


@pytest.fixture
def results_page(db):
    page = ensure_sections()[ResultsPage].specific
    rows = [
        (2014, 2020, "budget", Decimal("29229.2"), ""),
        (2014, 2020, "projects", Decimal("220"), ""),
        (2021, 2021, "projects", Decimal("31"), ""),
        (2014, 2020, "vocational_trainees", Decimal("1410"), "đoạn 2"),
    ]
    page.figures = [
        ResultFigure(period_start=a, period_end=b, indicator=i, value=v, source=s)
        for a, b, i, v, s in rows
    ]
    page.save_revision().publish()
    return page


def test_charts_are_inline_svg_and_the_table_holds_the_same_figures(client, results_page):
    response = client.get(results_page.url)
    html = response.content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 3  # budget, training, projects
    for svg in svgs:
        ElementTree.fromstring(svg)  # noqa: S314 - our own markup; proves it is well-formed
        assert 'role="img"' in svg
    assert "29.229,2" in svgs[0]
    assert "cdn" not in html.lower()
    table = html[html.index("<table") : html.index("</table>")]
    assert ">2014–2020</th>" in table
    assert ">2021</th>" in table
    assert "29.229,2" in table
    assert "1.410" in table
    assert "đoạn 2" in table
    rows = response.context["page"].table()
    assert rows[0][1] == ["220", "31"]
    assert rows[2][1] == ["1.410", None]


def test_empty_results_page_says_so(client, db):
    page = ensure_sections()[ResultsPage]
    assert "empty" in client.get(page.url).content.decode()


def test_a_period_cannot_end_before_it_starts(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ResultFigure(period_start=2020, period_end=2014, indicator="fairs", value=1).clean()


def test_sample_figures_are_the_reports_own_numbers():
    text = REPORT.read_text(encoding="utf-8")
    rows = results.figure_rows()
    assert {r["indicator"] for r in rows} <= set(Indicator.values)
    assert all((r["period_start"], r["period_end"]) == (2014, 2020) for r in rows)
    for row in rows:
        value = row["value"]
        whole = f"{int(value):,}".replace(",", ".")
        written = whole if value == int(value) else f"{whole},{str(value).split('.')[1]}"
        # the number as the report writes it (1.410; 29.229,2; 02 for two)
        assert re.search(rf"(?<![\d.,]){re.escape(written)}(?![\d])|\b0{written}\b", text), row
    expected = {
        "projects": 220, "budget": Decimal("29229.2"), "vocational_trainees": 1410,
        "management_trainees": 2133, "machinery": 91, "demonstration_models": 5, "fairs": 15,
        "fair_producers": 168, "trademarks": 14, "products_provincial": 46,
        "products_regional": 14, "products_national": 5, "craft_villages": 39,
    }  # fmt: skip
    values = {r["indicator"]: r["value"] for r in rows}
    for key, value in expected.items():
        assert values[key] == value, key
