"""The programme's results for the sample results page, copied exactly from the report
"Hiệu quả hoạt động khuyến công tỉnh Bắc Giang giai đoạn 2014 - 2020" (Nguỵ Đình Nghĩa,
Director of the centre), kept as ../shared/context/khuyen-cong-bac-giang-2014-2020.txt.

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

REPORT = "Báo cáo Hiệu quả hoạt động khuyến công tỉnh Bắc Giang 2014-2020"
PERIOD = (2014, 2020)

# (indicator, value, paragraph, the report's own words)
FIGURES = [
    ("projects", Decimal("220"), 2, "220 đề án khuyến công"),
    ("budget", Decimal("29229.2"), 2, "ngân sách nhà nước là 29.229,2 triệu đồng"),
    ("vocational_trainees", Decimal("1410"), 2, "đào tạo nghề ... cho 1.410 học viên"),
    ("management_trainees", Decimal("2133"), 2, "đào tạo cho 2.133 học viên ... quản trị"),
    ("study_tours", Decimal("940"), 2, "940 người ... khảo sát, học tập"),
    ("demonstration_models", Decimal("5"), 2, "5 cơ sở ... xây dựng mô hình trình diễn"),
    ("machinery", Decimal("91"), 2, "91 cơ sở ... ứng dụng máy móc thiết bị tiên tiến"),
    ("cleaner_production", Decimal("2"), 2, "sản xuất sạch hơn cho 02 doanh nghiệp"),
    ("fairs", Decimal("15"), 2, "tham gia 15 hội chợ, triển lãm"),
    ("fair_producers", Decimal("168"), 2, "hỗ trợ 168 cơ sở ... tại các hội chợ"),
    ("trademarks", Decimal("14"), 2, "đăng ký bảo hộ được 14 nhãn hiệu hàng hoá"),
    ("products_provincial", Decimal("46"), 2, "46 sản phẩm CNNT tiêu biểu cấp tỉnh"),
    ("products_regional", Decimal("14"), 2, "14 sản phẩm ... khu vực phía Bắc"),
    ("products_national", Decimal("5"), 2, "5 sản phẩm ... cấp quốc gia"),
    ("showrooms", Decimal("5"), 2, "5 cơ sở đầu tư xây dựng nhà trưng bày"),
    ("packaging", Decimal("72"), 2, "thiết kế mẫu mã bao bì ... cho 72 cơ sở"),
    ("new_enterprises", Decimal("20"), 2, "thành lập mới được 20 doanh nghiệp"),
    ("media", Decimal("990"), 2, "990 chương trình truyền hình, tin bài, ấn phẩm"),
    ("bulletin_copies", Decimal("4800"), 2, "4.800 bản tin khuyến công theo từng quý"),
    ("craft_villages", Decimal("39"), 3, "39 làng nghề được UBND tỉnh công nhận (lũy kế)"),
]

PAGE = {
    "slug": "ket-qua-khuyen-cong",
    "title": "Kết quả chương trình khuyến công 2014 - 2020",
    "intro": "Các chỉ tiêu của chương trình khuyến công tỉnh Bắc Giang giai đoạn 2014 - 2020, "
    "theo báo cáo của Trung tâm Khuyến công và Xúc tiến thương mại.",
}


def figure_rows():
    return [
        {
            "period_start": PERIOD[0],
            "period_end": PERIOD[1],
            "indicator": indicator,
            "value": value,
            "source": f"{REPORT}, đoạn {paragraph}: «{words}»",
            "sort_order": order,
        }
        for order, (indicator, value, paragraph, words) in enumerate(FIGURES)
    ]
