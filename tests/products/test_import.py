"""The catalog importer: `manage.py import_catalog FILE` with CSV and XLSX sheets."""

import csv
import io
import unicodedata

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook
from taggit.models import Tag
from wagtail.models import Page, Revision

from products.importing import COLUMNS
from products.models import (
    Category,
    Certification,
    District,
    ProducerIndexPage,
    ProducerPage,
    ProductPage,
    Trademark,
)
from products.structure import ensure_sections
from tests import FIXTURES
from tests.factories import (
    CategoryFactory,
    DistrictFactory,
    ProducerPageFactory,
    TrademarkFactory,
)

IMPORTS = FIXTURES / "import"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def taxonomy():
    ensure_sections()
    DistrictFactory(name="Tân Lạc", slug="tan-lac")
    DistrictFactory(name="Mai Châu", slug="mai-chau")
    CategoryFactory(name="Thủ công mỹ nghệ", slug="thu-cong-my-nghe")
    CategoryFactory(name="Chế biến nông sản", slug="che-bien-nong-san")


def row(**values):
    """A complete good row; keyword arguments replace cells."""
    base = {
        "producer": "Cơ sở Đồ gỗ Hòa Bình",
        "producer_type": "enterprise",
        "district": "Tân Lạc",
        "address": "Thị trấn Mãn Đức",
        "product": "Bàn trà gỗ nghiến",
        "category": "Thủ công mỹ nghệ",
        "level": "provincial",
        "year": "2020",
    }
    return {**base, **values}


def write_csv(tmp_path, rows, name="sheet.csv", bom=False, columns=COLUMNS):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, restval="")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode("utf-8-sig" if bom else "utf-8"))
    return path


def run(path, *args):
    """The command's output; in English, so assertions survive a Vietnamese translation."""
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_catalog", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def run_failing(path, *args):
    """The problems the command printed before failing."""
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_catalog", str(path), *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def snapshot():
    """Row counts that any write would change."""
    models = (Page, Revision, Certification, Trademark, District, Category, Tag)
    return {model.__name__: model.objects.count() for model in models}


def test_good_csv_creates_published_pages_certifications_tags_and_trademarks():
    output = run(IMPORTS / "catalog_sample.csv")

    assert "producers: 2 created, 0 updated, 0 unchanged" in output
    assert "products: 2 created" in output
    assert "certifications: 3 created" in output
    assert "trademarks: 2 created" in output
    index = ProducerIndexPage.objects.get()
    coop = ProducerPage.objects.get(title="HTX Mây tre đan Tân Lạc")
    assert coop.get_parent().pk == index.pk
    assert coop.live
    assert not coop.has_unpublished_changes
    assert coop.live_revision_id
    assert coop.legal_form == "cooperative"
    assert coop.district.slug == "tan-lac"
    assert coop.website == "https://maytretanlac.example.vn"
    basket = ProductPage.objects.get(title="Giỏ mây đan tay")
    assert basket.live
    assert basket.live_revision_id == basket.latest_revision_id
    assert basket.producer_id == coop.pk
    assert basket.get_parent().pk == coop.pk
    assert basket.description == "<p>Giỏ đan từ mây rừng.<br>Hoàn thiện thủ công.</p>"
    assert sorted(basket.tags.names()) == ["mây tre", "quà tặng"]
    certs = sorted(basket.certifications.values_list("scheme", "year", "ocop_stars"))
    assert certs == [("cnnt", 2019, None), ("ocop", 2021, 4)]
    revision_certs = basket.latest_revision.content["certifications"]
    assert sorted(c["year"] for c in revision_certs) == [2019, 2021]
    assert {c["pk"] for c in revision_certs} == set(
        basket.certifications.values_list("pk", flat=True)
    )
    collective = Trademark.objects.get(registration_number="4-0345678-000")
    assert collective.kind == "collective"
    assert collective.owner is None
    assert basket.trademark == collective
    tea = ProductPage.objects.get(title="Chè shan tuyết")
    assert tea.category.slug == "che-bien-nong-san"
    assert tea.producer.district.slug == "mai-chau"
    assert tea.trademark.mark == "Chè Hùng Mai"
    assert tea.trademark.owner == tea.producer
    assert tea.certifications.get().level == "regional"


def test_good_xlsx(tmp_path):
    book = Workbook()
    sheet = book.active
    producer = ["Cơ sở Mật ong Mai Châu", "household", "Mai Châu", "Mật ong bạc hà"]
    sheet.append(["Producer", "producer_type", "district", "product", "category", "level"])
    sheet["G1"], sheet["H1"], sheet["I1"], sheet["J1"] = "year", "scheme", "stars", "phone"
    sheet.append([*producer, "Chế biến nông sản", "national", 2023, "OCOP", 5.0, 912345678])
    sheet.append([None] * 10)  # a blank line is skipped, and still counts for line numbers
    sheet.append([*producer, "Chế biến nông sản", "provincial", 2020.0, None, None, None])
    path = tmp_path / "catalog.xlsx"
    book.save(path)

    output = run(path)

    assert "producers: 1 created" in output
    assert "certifications: 2 created" in output
    honey = ProductPage.objects.get(title="Mật ong bạc hà")
    assert honey.live
    assert honey.producer.phone == "912345678"
    certs = sorted(honey.certifications.values_list("scheme", "level", "year", "ocop_stars"))
    assert certs == [("cnnt", "provincial", 2020, None), ("ocop", "national", 2023, 5)]


def test_bad_rows_write_nothing_and_every_problem_is_reported(tmp_path):
    path = write_csv(
        tmp_path,
        [
            row(),  # line 2 is good, and still not imported
            row(district="Đà Bắc", year="1985", email="not-an-email"),
            row(product="Rượu cần", scheme="ocop", stars=""),
            row(product="Chổi chít", stars="4", level="district", website="http://"),
            row(product="Gối", trademark_kind="famous", trademark="Gối Mường", year="20x1"),
            row(product="Mật ong", scheme="ocop", level="", stars="7"),
            row(producer="", producer_type="company", category="Không có"),
        ],
    )
    before = snapshot()

    errors = run_failing(path)

    assert snapshot() == before
    prefixes = [line.partition(": ")[0] for line in errors.splitlines()]
    assert prefixes == [
        "line 3, column district",
        "line 3, column email",
        "line 3, column year",
        "line 4, column stars",
        "line 5, column website",
        "line 5, column level",
        "line 5, column stars",
        "line 6, column year",
        "line 6, column trademark_kind",
        "line 7, column level",
        "line 7, column stars",
        "line 8, column producer",
        "line 8, column producer_type",
        "line 8, column category",
    ]
    assert "line 4, column stars: An OCOP certification needs its number of stars." in errors


def test_same_file_twice_changes_nothing_the_second_time():
    run(IMPORTS / "catalog_sample.csv")
    before = snapshot()
    live_revisions = sorted(Page.objects.values_list("pk", "latest_revision_id"))

    output = run(IMPORTS / "catalog_sample.csv")

    assert snapshot() == before
    assert sorted(Page.objects.values_list("pk", "latest_revision_id")) == live_revisions
    assert "producers: 0 created, 0 updated, 2 unchanged" in output
    assert "products: 0 created, 0 updated, 2 unchanged" in output
    assert "certifications: 0 created, 0 updated, 3 unchanged" in output
    assert "trademarks: 0 created, 0 updated, 2 unchanged" in output


def test_changed_cells_update_in_one_new_revision(tmp_path):
    run(write_csv(tmp_path, [row(decision_number="1/QĐ"), row(year="2021")]))
    product = ProductPage.objects.get()
    revisions = product.revisions.count()

    output = run(write_csv(tmp_path, [row(decision_number="2/QĐ"), row(year="2021")]))

    product.refresh_from_db()
    assert "certifications: 0 created, 1 updated, 1 unchanged" in output
    assert product.revisions.count() == revisions + 1
    assert product.certifications.get(year=2020).decision_number == "2/QĐ"
    assert product.certifications.count() == 2
    in_revision = product.latest_revision.content["certifications"]
    assert sorted(c["decision_number"] for c in in_revision) == ["", "2/QĐ"]


def test_names_match_whatever_the_normalisation_case_or_accents(tmp_path):
    producer = ProducerPageFactory(
        title="Cơ sở Đồ gỗ Hòa Bình",
        slug="do-go",
        legal_form="enterprise",
        address="Mãn Đức",
        district=District.objects.get(slug="tan-lac"),
    )
    nfd = unicodedata.normalize("NFD", "Cơ sở Đồ gỗ Hòa Bình")
    path = tmp_path / "nfd_and_plain.csv"
    path.write_text(
        "producer,producer_type,district,product,category,level,year\n"
        f"{nfd},enterprise,TAN LAC,Ban tra,thu cong my nghe,provincial,2020\n"
        "co so do go hoa binh,Enterprise,tân lạc,bàn trà,THỦ CÔNG MỸ NGHỆ,regional,2021\n",
        encoding="utf-8",
    )
    output = run(path)

    assert "producers: 0 created, 0 updated, 1 unchanged" in output
    assert "products: 1 created" in output
    product = ProductPage.objects.get()
    assert product.title == "Ban tra"  # the first spelling in the file names the new page
    assert product.producer_id == producer.pk
    assert product.certifications.count() == 2
    assert ProducerPage.objects.get().title == "Cơ sở Đồ gỗ Hòa Bình"  # the editors' spelling


def test_byte_order_mark_is_ignored(tmp_path):
    path = write_csv(tmp_path, [row()], bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    output = run(path)

    assert "producers: 1 created" in output
    assert ProducerPage.objects.get().title == "Cơ sở Đồ gỗ Hòa Bình"


def test_semicolon_separated_csv_from_excel_in_a_comma_locale(tmp_path):
    path = tmp_path / "semicolons.csv"
    path.write_text(
        "\ufeffproducer;producer_type;district;product;category;level;year;tags\n"
        'Cơ sở A;household;Mai Châu;Miến dong;Chế biến nông sản;provincial;2018;"miến; dong"\n',
        encoding="utf-8",
    )

    run(path)

    assert sorted(ProductPage.objects.get().tags.names()) == ["dong", "miến"]


def test_unknown_category_or_district_is_an_error_without_create_missing(tmp_path):
    path = write_csv(tmp_path, [row(), row(product="Mứt gừng", category="Mứt kẹo")])
    before = snapshot()

    errors = run_failing(path)

    assert "line 3, column category: unknown product category 'Mứt kẹo'" in errors
    assert snapshot() == before


def test_create_missing_creates_top_level_category_and_district(tmp_path):
    rows = [
        row(district="Đà Bắc", category="Mứt kẹo"),
        row(district="da bac", category="mut keo", year="2022"),
    ]
    output = run(write_csv(tmp_path, rows), "--create-missing")

    assert "districts created: 1" in output
    assert "categories created: 1" in output
    category = Category.objects.get(name="Mứt kẹo")
    assert category.parent is None
    assert category.slug == "mut-keo"
    producer = ProducerPage.objects.get()
    assert producer.district.name == "Đà Bắc"
    assert producer.product_pages.get().certifications.count() == 2


def test_repeated_rows_agree_or_are_reported(tmp_path):
    same = write_csv(tmp_path, [row(decision_number="5/QĐ"), row(decision_number="5/QĐ")])
    assert "certifications: 1 created" in run(same, "--dry-run")
    assert not ProductPage.objects.exists()  # a dry run keeps nothing

    conflicting = [row(phone="1"), row(phone="2", year="2021"), row(decision_number="7/QĐ")]
    errors = run_failing(write_csv(tmp_path, conflicting + [row(decision_number="8/QĐ")]))

    assert "line 3, column phone: contradicts line 2 for the same producer" in errors
    assert "line 5, column decision_number: contradicts line 4" in errors


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("blank.xlsx", None, "the file is empty"),
        ("latin1.csv", "producer,Hà\n".encode("cp1258"), "not UTF-8"),
        ("fake.xlsx", b"producer,product\n", "not a readable XLSX workbook"),
        ("sheet.xls", b"\xd0\xcf\x11\xe0", "unsupported file type"),
        ("header.csv", b"producer,product,colour\n", "line 1, column district: column is missing"),
        ("header_only.csv", ",".join(COLUMNS).encode(), "no data rows"),
    ],
)
def test_unreadable_files_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        Workbook().save(path)
    else:
        path.write_bytes(content)

    errors = run_failing(path)

    assert message in errors
    assert "Traceback" not in errors


def test_header_problems_name_the_columns(tmp_path):
    path = write_csv(tmp_path, [], columns=["producer", "product", "colour", "level"])
    path.write_text(path.read_text() + "a,b,c,d\n")

    errors = run_failing(path)

    for column in ("producer_type", "district", "category", "year"):
        assert f"line 1, column {column}: column is missing" in errors
    assert "line 1, column colour: unknown column" in errors


def test_what_the_file_does_not_say_is_kept(tmp_path):
    run(write_csv(tmp_path, [row(phone="0218 1", tags="gỗ")]))
    product = ProductPage.objects.get()
    product.certifications.add(Certification(scheme="other", level="national", year=2015))
    product.save_revision().publish()

    output = run(write_csv(tmp_path, [row(year="2024", tags="Gỗ; nội thất")]))

    product = ProductPage.objects.get()
    years = sorted(product.certifications.values_list("year", flat=True))
    assert years == [2015, 2020, 2024]  # a certification missing from the file stays
    assert sorted(product.tags.names()) == ["gỗ", "nội thất"]  # the existing tag's spelling
    assert product.producer.phone == "0218 1"  # an empty cell changes nothing
    assert "producers: 0 created, 0 updated, 1 unchanged" in output
    assert "products: 0 created, 1 updated, 0 unchanged" in output


def test_trademarks_are_keyed_by_registration_number_else_by_mark(tmp_path):
    TrademarkFactory(mark="Gỗ Hòa Bình")  # entered by hand, number not yet known
    rows = [
        row(trademark="GO HOA BINH", trademark_number="4-0001 -000"),
        row(product="Ghế gỗ", trademark="gỗ hoà bình"),
        row(producer="Xưởng Gỗ Lạc Sơn", product="Tủ", trademark="Gỗ Lạc Sơn", trademark_kind=""),
    ]

    output = run(write_csv(tmp_path, rows))

    assert "trademarks: 1 created, 1 updated, 1 unchanged" in output
    hoa_binh = Trademark.objects.get(mark="Gỗ Hòa Bình")
    assert hoa_binh.registration_number == "4-0001 -000"
    assert hoa_binh.owner.title == "Cơ sở Đồ gỗ Hòa Bình"
    assert set(hoa_binh.products.values_list("title", flat=True)) == {"Bàn trà gỗ nghiến", "Ghế gỗ"}
    renamed = [row(trademark="Gỗ Hòa Bình Xanh", trademark_number="4-0001-000")]
    assert "trademarks: 0 created, 1 updated" in run(write_csv(tmp_path, renamed))
    assert Trademark.objects.get(pk=hoa_binh.pk).mark == "Gỗ Hòa Bình Xanh"


def test_line_numbers_count_spreadsheet_rows_not_physical_lines(tmp_path):
    path = write_csv(tmp_path, [row(description="one\ntwo\nthree"), row(year="1900")])

    errors = run_failing(path)

    assert errors.startswith("line 3, column year:")


@pytest.mark.parametrize(
    ("column", "cell", "code"),
    [
        ("producer_type", "Hợp tác xã", "cooperative"),
        ("producer_type", "hop tac xa", "cooperative"),
        ("producer_type", "cooperative", "cooperative"),
        ("producer_type", "Cooperative", "cooperative"),
        ("level", "Cấp tỉnh", "provincial"),
        ("level", "provincial", "provincial"),
        ("level", "KHU VỰC PHÍA BẮC", "regional"),
        ("trademark_kind", "Chỉ dẫn địa lý", "geographical"),
        ("trademark_kind", "geographical indication", "geographical"),
        ("trademark_kind", "geographical_indication", "geographical"),
        ("trademark_kind", "geographical", "geographical"),
        ("trademark_kind", unicodedata.normalize("NFD", "Nhãn hiệu tập thể"), "collective"),
    ],
)
def test_enumerated_columns_take_labels_and_codes(tmp_path, column, cell, code):
    extra = {"trademark": "Gỗ Tân Lạc"} if column == "trademark_kind" else {}
    run(write_csv(tmp_path, [row(**{column: cell}, **extra)]))
    product = ProductPage.objects.get(title="Bàn trà gỗ nghiến")
    values = {
        "producer_type": product.get_parent().specific.legal_form,
        "level": product.certifications.get().level,
        "trademark_kind": product.trademark.kind if product.trademark else None,
    }
    assert values[column] == code


def test_an_unknown_label_lists_the_allowed_ones(tmp_path):
    output = run_failing(write_csv(tmp_path, [row(level="cấp huyện")]))
    assert "line 2, column level: must be one of: Cấp tỉnh (provincial)" in output
