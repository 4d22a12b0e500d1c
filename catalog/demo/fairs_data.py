"""Sample fairs, news and bulletins for `manage.py load_demo`. Every fair, booth, date and
news item here is invented for demonstration, except that the report mentions the centre
taking part in a Vietnam-Russia international fair in 2019. Upcoming fairs have fixed
dates (so a second load changes nothing); edit them when they have passed."""

from catalog.demo.catalog_data import SAMPLE_NOTE

__all__ = ["BULLETINS", "FAIRS", "NEWS", "SAMPLE_NOTE", "SECTIONS"]

SECTIONS = {
    "fairs": {
        "slug": "hoi-cho",
        "title": "Hội chợ triển lãm",
        "intro": "Hội chợ, triển lãm trong tỉnh, trong nước và quốc tế mà Trung tâm đưa các cơ sở "
        "công nghiệp nông thôn tham gia. Tải lịch hội chợ sắp diễn ra về điện thoại.",
    },
    "news": {
        "slug": "tin-tuc",
        "title": "Tin tức",
        "intro": "Tin hoạt động khuyến công, xúc tiến thương mại và bình chọn sản phẩm.",
    },
    "bulletins": {
        "slug": "ban-tin",
        "title": "Bản tin khuyến công",
        "intro": "Bản tin khuyến công phát hành hằng quý, tải về dạng PDF.",
    },
}

ORGANISER = "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh Bắc Giang"

# exhibits: (producer slug, booth, [product names])
FAIRS = [
    {
        "slug": "hoi-cho-san-pham-cnnt-bac-giang-2015",
        "title": "Hội chợ sản phẩm công nghiệp nông thôn tiêu biểu Bắc Giang 2015",
        "start": "2015-11-12",
        "end": "2015-11-16",
        "scope": "provincial",
        "venue": "Quảng trường 3 tháng 2",
        "city": "Bắc Giang",
        "country": "Việt Nam",
        "organiser": "Sở Công Thương tỉnh Bắc Giang",
        "supported": True,
        "exhibits": [
            ("htx-my-gao-nam-duong", "A01", ["Mỳ Chũ gạo bao thai"]),
            ("lang-nghe-gom-tho-ha", "A02", ["Chum sành Thổ Hà"]),
            ("htx-nuoi-ong-luc-nam", "A03", ["Mật ong hoa vải"]),
        ],
    },
    {
        "slug": "hoi-cho-cnnt-tieu-bieu-khu-vuc-phia-bac-2017",
        "title": "Hội chợ sản phẩm CNNT tiêu biểu khu vực phía Bắc 2017",
        "start": "2017-10-05",
        "end": "2017-10-09",
        "scope": "national",
        "venue": "Trung tâm Hội chợ Triển lãm tỉnh",
        "city": "Thái Nguyên",
        "country": "Việt Nam",
        "organiser": "Cục Công Thương địa phương, Bộ Công Thương",
        "supported": True,
        "exhibits": [
            ("htx-my-gao-nam-duong", "B12", ["Mỳ Chũ gạo bao thai", "Mỳ Chũ gạo lứt"]),
            ("co-so-say-vai-thang-huong", "B13", ["Vải thiều sấy khô nguyên quả"]),
            ("cong-ty-may-tre-xuat-khau-hiep-hoa", "B14", ["Khay mây đan xuất khẩu"]),
        ],
    },
    {
        "slug": "hoi-cho-vai-thieu-luc-ngan-2018",
        "title": "Hội chợ vải thiều và nông sản Lục Ngạn 2018",
        "start": "2018-06-20",
        "end": "2018-06-24",
        "scope": "provincial",
        "venue": "Sân vận động huyện Lục Ngạn",
        "city": "Lục Ngạn",
        "country": "Việt Nam",
        "organiser": ORGANISER,
        "supported": False,
        "exhibits": [
            (
                "cong-ty-nong-san-luc-ngan-xanh",
                "12",
                ["Nước vải thiều ép đóng chai", "Mứt vải thiều"],
            ),
            ("co-so-say-vai-thang-huong", "14", ["Cùi vải sấy dẻo"]),
        ],
    },
    {
        "slug": "hoi-cho-trien-lam-quoc-te-viet-nga-2019",
        "title": "Hội chợ Triển lãm Quốc tế Việt – Nga 2019",
        "start": "2019-09-24",
        "end": "2019-09-28",
        "scope": "international",
        "venue": "Trung tâm Hội chợ Triển lãm",
        "city": "Hà Nội",
        "country": "Việt Nam",
        "organiser": "Bộ Công Thương",
        "supported": True,
        "exhibits": [
            ("htx-my-gao-nam-duong", "VN-07", ["Mỳ Chũ gạo bao thai"]),
            ("lang-nghe-ruou-lang-van", "VN-08", ["Rượu làng Vân 29,5 độ"]),
            ("htx-chan-nuoi-ga-dong-tam", "VN-09", ["Gà đồi Yên Thế hun khói"]),
            (
                "cong-ty-co-khi-nong-nghiep-luc-nam",
                "VN-10",
                ["Máy sấy vải thiều tuần hoàn khí nóng"],
            ),
        ],
    },
    {
        "slug": "hoi-cho-ocop-ha-noi-2020",
        "title": "Hội chợ sản phẩm OCOP và làng nghề Hà Nội 2020",
        "start": "2020-12-10",
        "end": "2020-12-14",
        "scope": "national",
        "venue": "Cung Văn hóa Hữu nghị",
        "city": "Hà Nội",
        "country": "Việt Nam",
        "organiser": "Sở Công Thương Hà Nội",
        "supported": True,
        "exhibits": [
            ("lang-nghe-banh-da-ke", "C21", ["Bánh đa Kế vừng đen"]),
            ("htx-nong-san-ngoc-chau", "C22", ["Kẹo lạc vừng Ngọc Châu"]),
            ("lang-nghe-may-tre-dan-tang-tien", "C23", ["Giỏ mây đựng quà"]),
        ],
    },
    {
        "slug": "hoi-cho-xuc-tien-thuong-mai-bac-giang-2024",
        "title": "Hội chợ xúc tiến thương mại tỉnh Bắc Giang 2024",
        "start": "2024-11-20",
        "end": "2024-11-24",
        "scope": "provincial",
        "venue": "Nhà Văn hóa Thiếu nhi tỉnh",
        "city": "Bắc Giang",
        "country": "Việt Nam",
        "organiser": ORGANISER,
        "supported": True,
        "exhibits": [
            ("cong-ty-ruou-van-huong", "D01", ["Rượu nếp cái hoa vàng Vân Hương"]),
            ("co-so-gom-dinh-quang", "D02", ["Lọ hoa gốm men rạn"]),
            ("htx-duoc-lieu-son-dong", "D03", ["Trà hoa vàng Sơn Động"]),
        ],
    },
    {
        "slug": "hoi-cho-cnnt-tieu-bieu-khu-vuc-phia-bac-2026",
        "title": "Hội chợ sản phẩm CNNT tiêu biểu khu vực phía Bắc 2026",
        "start": "2026-09-16",
        "end": "2026-09-20",
        "scope": "national",
        "venue": "Trung tâm Triển lãm Văn hóa Nghệ thuật Việt Nam",
        "city": "Hà Nội",
        "country": "Việt Nam",
        "organiser": "Bộ Công Thương",
        "supported": True,
        "exhibits": [
            ("htx-my-gao-nam-duong", "N05", ["Mỳ Chũ gạo lứt"]),
            ("cong-ty-do-go-tu-mai", "N06", ["Tủ bếp gỗ sồi"]),
            ("co-so-ren-nham-son", "N07", ["Dao rèn thủ công"]),
        ],
    },
    {
        "slug": "hoi-cho-xuan-bac-giang-2027",
        "title": "Hội chợ Xuân Bắc Giang 2027",
        "start": "2027-01-15",
        "end": "2027-01-21",
        "scope": "provincial",
        "venue": "Quảng trường 3 tháng 2",
        "city": "Bắc Giang",
        "country": "Việt Nam",
        "organiser": ORGANISER,
        "supported": True,
        "exhibits": [
            ("htx-my-gao-nam-duong", "X01", ["Mỳ Chũ gạo bao thai", "Mỳ Chũ gạo lứt"]),
            ("co-so-banh-keo-huong-lam", "X02", ["Kẹo dồi lạc vừng", "Bánh gai Hương Lâm"]),
            ("co-so-choi-chit-thanh-luan", "X03", ["Chổi chít Thanh Luận"]),
        ],
    },
    {
        "slug": "hoi-cho-thuong-mai-quoc-te-viet-trung-2027",
        "title": "Hội chợ Thương mại Quốc tế Việt – Trung 2027",
        "start": "2027-04-08",
        "end": "2027-04-12",
        "scope": "international",
        "venue": "Khu hội chợ cửa khẩu",
        "city": "Lạng Sơn",
        "country": "Việt Nam",
        "organiser": "UBND tỉnh Lạng Sơn",
        "supported": False,
        "exhibits": [
            ("cong-ty-nong-san-luc-ngan-xanh", "I-31", ["Rượu vang vải thiều"]),
            ("cong-ty-co-khi-tan-thinh", "I-32", ["Máy tuốt lúa liên hợp mini"]),
        ],
    },
    {
        "slug": "trien-lam-thu-cong-my-nghe-ha-noi-2026",
        "title": "Triển lãm Thủ công mỹ nghệ Hà Nội cuối năm 2026",
        "start": "2026-12-09",
        "end": "2026-12-13",
        "scope": "national",
        "venue": "Trung tâm Hội chợ Triển lãm Giảng Võ",
        "city": "Hà Nội",
        "country": "Việt Nam",
        "organiser": "Hiệp hội Làng nghề Việt Nam",
        "supported": True,
        "exhibits": [
            ("lang-nghe-gom-tho-ha", "H11", ["Bộ ấm chén gốm sành nâu"]),
            ("co-so-moc-my-nghe-phon-xuong", "H12", ["Bộ bàn ghế gỗ hương chạm khắc"]),
            ("co-so-dan-lat-song-van", "H13", ["Giỏ tre đựng quà Tết"]),
        ],
    },
]

NEWS_TAGS = ("hội chợ", "bình chọn", "khuyến công", "đào tạo", "nhãn hiệu", "OCOP")

# (slug, date, title, intro, [paragraphs], [tags])
NEWS = [
    (
        "binh-chon-san-pham-cnnt-tieu-bieu-2020",
        "2020-10-15",
        "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh năm 2020",
        "Hội đồng bình chọn đã xem xét hồ sơ và sản phẩm của các cơ sở trong tỉnh.",
        [
            "Các sản phẩm được chấm theo tiêu chí chất lượng, mẫu mã "
            "và khả năng phát triển thị trường."
        ],
        ["bình chọn"],
    ),
    (
        "tap-huan-quan-tri-doanh-nghiep-2021",
        "2021-04-12",
        "Tập huấn quản trị doanh nghiệp cho các cơ sở công nghiệp nông thôn",
        "Lớp tập huấn giúp chủ cơ sở nắm kiến thức quản trị, tài chính và thị trường.",
        ["Học viên được hướng dẫn lập kế hoạch kinh doanh và quản lý chi phí."],
        ["đào tạo", "khuyến công"],
    ),
    (
        "ho-tro-may-moc-thiet-bi-2021",
        "2021-07-02",
        "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến vào sản xuất",
        "Nhiều cơ sở được hỗ trợ kinh phí khuyến công để đầu tư máy móc.",
        ["Máy móc mới giúp nâng năng suất và giảm công lao động thủ công."],
        ["khuyến công"],
    ),
    (
        "nhan-hieu-tap-the-my-chu-2022",
        "2022-03-18",
        "Phát triển nhãn hiệu tập thể cho sản phẩm làng nghề",
        "Nhãn hiệu tập thể giúp sản phẩm làng nghề dễ nhận biết trên thị trường.",
        ["Các hội viên được hướng dẫn sử dụng nhãn hiệu trên bao bì sản phẩm."],
        ["nhãn hiệu"],
    ),
    (
        "ocop-2022",
        "2022-09-09",
        "Thêm nhiều sản phẩm đạt chuẩn OCOP",
        "Các sản phẩm đặc sản của tỉnh tiếp tục được đánh giá, phân hạng OCOP.",
        ["Sản phẩm đạt chuẩn được hỗ trợ quảng bá tại các hội chợ trong và ngoài tỉnh."],
        ["OCOP", "bình chọn"],
    ),
    (
        "thiet-ke-bao-bi-2023",
        "2023-05-22",
        "Hỗ trợ thiết kế mẫu mã, bao bì sản phẩm",
        "Bao bì mới giúp sản phẩm nông sản chế biến hấp dẫn người mua hơn.",
        ["Chuyên gia thiết kế làm việc trực tiếp với từng cơ sở."],
        ["khuyến công"],
    ),
    (
        "hoi-cho-xuc-tien-thuong-mai-2024",
        "2024-11-25",
        "Hội chợ xúc tiến thương mại tỉnh năm 2024 thu hút đông đảo khách tham quan",
        "Các gian hàng sản phẩm công nghiệp nông thôn tiêu biểu được nhiều khách quan tâm.",
        ["Nhiều hợp đồng bao tiêu sản phẩm đã được ký kết tại hội chợ."],
        ["hội chợ"],
    ),
    (
        "dao-tao-nghe-may-tre-dan-2025",
        "2025-03-10",
        "Đào tạo nghề mây tre đan cho lao động nông thôn",
        "Lớp đào tạo nghề giúp lao động nông thôn có thêm việc làm.",
        ["Học viên được nghệ nhân hướng dẫn các kỹ thuật đan cơ bản và nâng cao."],
        ["đào tạo"],
    ),
    (
        "san-xuat-sach-hon-2025",
        "2025-06-30",
        "Đánh giá sản xuất sạch hơn tại doanh nghiệp",
        "Doanh nghiệp được tư vấn giảm tiêu hao năng lượng và chất thải.",
        ["Các giải pháp sản xuất sạch hơn giúp tiết kiệm chi phí sản xuất."],
        ["khuyến công"],
    ),
    (
        "hoi-cho-khu-vuc-phia-bac-2026",
        "2026-09-22",
        "Sản phẩm Bắc Giang tại hội chợ CNNT tiêu biểu khu vực phía Bắc 2026",
        "Các cơ sở của tỉnh giới thiệu sản phẩm tiêu biểu với khách hàng trong khu vực.",
        ["Gian hàng của tỉnh trưng bày mỳ gạo, đồ gỗ và dụng cụ rèn thủ công."],
        ["hội chợ", "bình chọn"],
    ),
    (
        "moi-tham-gia-hoi-cho-xuan-2027",
        "2026-11-10",
        "Mời các cơ sở đăng ký tham gia Hội chợ Xuân Bắc Giang 2027",
        "Trung tâm hỗ trợ chi phí gian hàng cho các cơ sở có sản phẩm tiêu biểu.",
        ["Hồ sơ đăng ký gửi về Trung tâm trước ngày 20 tháng 12 năm 2026."],
        ["hội chợ", "khuyến công"],
    ),
    (
        "ke-hoach-khuyen-cong-2027",
        "2026-11-20",
        "Xây dựng kế hoạch khuyến công năm 2027",
        "Trung tâm lấy ý kiến các cơ sở về nhu cầu hỗ trợ năm 2027.",
        ["Các đề án ưu tiên vùng có điều kiện kinh tế - xã hội khó khăn."],
        ["khuyến công"],
    ),
]

# (issue number, year, quarter, summary, [highlights shown on the cover])
BULLETINS = [
    (
        41,
        2024,
        4,
        "Hội chợ xúc tiến thương mại tỉnh 2024 và kết quả khuyến công năm 2024.",
        ["Hội chợ xúc tiến thương mại 2024", "Tổng kết khuyến công 2024"],
    ),
    (
        42,
        2025,
        1,
        "Kế hoạch khuyến công năm 2025, đào tạo nghề mây tre đan.",
        ["Kế hoạch khuyến công 2025", "Đào tạo nghề mây tre đan"],
    ),
    (
        43,
        2025,
        2,
        "Sản xuất sạch hơn và hỗ trợ máy móc thiết bị.",
        ["Sản xuất sạch hơn", "Máy móc thiết bị"],
    ),
    (
        44,
        2025,
        3,
        "Bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh năm 2025.",
        ["Bình chọn sản phẩm tiêu biểu 2025"],
    ),
    (
        45,
        2025,
        4,
        "Tổng kết năm 2025 và các hội chợ cuối năm.",
        ["Tổng kết năm 2025", "Hội chợ cuối năm"],
    ),
    (
        46,
        2026,
        1,
        "Phát triển nhãn hiệu tập thể cho sản phẩm làng nghề.",
        ["Nhãn hiệu tập thể", "Làng nghề"],
    ),
    (
        47,
        2026,
        2,
        "Hỗ trợ thiết kế bao bì và thương mại điện tử.",
        ["Thiết kế bao bì", "Thương mại điện tử"],
    ),
    (
        48,
        2026,
        3,
        "Sản phẩm Bắc Giang tại hội chợ CNNT tiêu biểu khu vực phía Bắc 2026.",
        ["Hội chợ khu vực phía Bắc 2026"],
    ),
]
