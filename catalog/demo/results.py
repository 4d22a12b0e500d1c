"""The programme's results for the sample results page (`data/results.json`), copied exactly
from the report "Hiệu quả hoạt động khuyến công tỉnh Bắc Giang giai đoạn 2014 - 2020" (Nguỵ
Đình Nghĩa, Director of the centre), kept as ../shared/context/khuyen-cong-bac-giang-2014-2020.txt.

The report has no numbered sections, so each figure cites its paragraph and quotes the
words it comes from:
- paragraph 2 is the results paragraph ("Trong giai đoạn năm 2014 - 2020, từ nguồn ngân
  sách nhà nước là 29.229,2 triệu đồng, ...");
- paragraph 3 is the effects paragraph ("Hoạt động khuyến công của tỉnh Bắc Giang được
  triển khai đồng bộ ...").
The report gives totals for the whole period, not per year, so every figure covers
2014-2020. Craft villages are the report's running total of villages recognised by the
provincial People's Committee (39, of which 14 traditional and 25 new).
"""

from decimal import Decimal

from .data import read


def page():
    """The results page's slug, title and intro."""
    return read("results")["page"]


def figure_rows():
    """The ResultFigure rows, in the report's order, with exact decimal values."""
    results = read("results")
    start, end = results["period"]
    return [
        {
            "period_start": start,
            "period_end": end,
            "indicator": figure["indicator"],
            "value": Decimal(figure["value"]),
            "source": f"{results['report']}, đoạn {figure['paragraph']}: «{figure['words']}»",
            "sort_order": order,
        }
        for order, figure in enumerate(results["figures"])
    ]
