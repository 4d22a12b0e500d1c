"""QR codes decoded by a real decoder (zxing-cpp), label sheets parsed by pypdf, and label
downloads that stop at the producer's own products."""

import datetime
import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from products import labels, qr
from products.models import Certification
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db


def decode_png(data):
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))]


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())  # a label's narrow column wraps long lines


@pytest.fixture
def chu_cert(catalog):
    return catalog["products"]["my_chu"].certifications.order_by("year").first()


@pytest.mark.parametrize("size", ["s", "m", "l"])
def test_png_qr_decodes_to_the_absolute_verification_url(client, chu_cert, size):
    response = client.get(f"/xac-minh/{chu_cert.code}/qr.png", {"size": size})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    url = qr.verification_url(chu_cert.code)
    assert url.startswith("http")
    assert url.endswith(f"/xac-minh/{chu_cert.code}/")
    assert decode_png(response.content) == [url]
    width_px = Image.open(io.BytesIO(response.content)).size[0]
    # At least the printed width at 300 dpi.
    assert width_px >= qr.PRINT_SIZES_MM[size] / 25.4 * 300


def draw_svg(svg_text, pixels_per_module=8):
    """segno's SVG is one path of horizontal strokes ("M x y", "m dx dy", "h n"), one module
    high: draw it with Pillow, so that the decoder reads the SVG itself."""
    import re

    from PIL import ImageDraw

    path = re.search(r' d="([^"]+)"', svg_text).group(1)
    size = int(float(re.search(r'viewBox="0 0 ([\d.]+)', svg_text).group(1)))
    scale = float(re.search(r"scale\(([\d.]+)\)", svg_text).group(1))
    modules = round(size / scale)
    image = Image.new("L", (modules * pixels_per_module,) * 2, 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            top = (y - 0.5) * pixels_per_module
            box = (x * pixels_per_module, top, (x + float(a)) * pixels_per_module - 1)
            draw.rectangle((box[0], top, box[2], top + pixels_per_module - 1), fill=0)
            x += float(a)
    return image


def test_svg_qr_has_its_print_width_and_decodes(client, chu_cert):
    response = client.get(f"/xac-minh/{chu_cert.code}/qr.svg", {"size": "l"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert 'width="50.0mm"' in svg
    decoded = [r.text for r in zxingcpp.read_barcodes(draw_svg(svg))]
    assert decoded == [qr.verification_url(chu_cert.code)]


def test_qr_of_an_unknown_code_or_size_is_not_found(client, chu_cert):
    assert client.get("/xac-minh/ZZZZZZZZZZ/qr.png").status_code == 404
    assert client.get(f"/xac-minh/{chu_cert.code}/qr.gif").status_code == 404
    assert client.get(f"/xac-minh/{chu_cert.code}/qr.png", {"size": "xxl"}).status_code == 404


def test_the_product_page_shows_a_qr_that_leads_to_verification(client, chu_cert):
    product = chu_cert.product
    html = client.get(product.url).content.decode()
    assert f"/xac-minh/{chu_cert.code}/qr.svg?size=s" in html
    assert 'alt="Mã QR' in html


def test_label_sheet_has_one_label_per_certification_in_force(catalog):
    product = catalog["products"]["my_chu"]
    product.certifications.add(
        Certification(level="provincial", year=2019, expires_on=datetime.date(2020, 1, 1))
    )
    product.save_revision().publish()
    certifications = labels.printable(labels.products_of(catalog["producers"]["chu"]))
    assert {(c.product.title, c.year) for c in certifications} == {
        ("Mỳ Chũ gạo bao thai", 2016),
        ("Mỳ Chũ gạo bao thai", 2017),
        ("Mỳ gạo đỏ", 2018),
    }  # the expired 2019 one gets no label
    reader, text = pdf_text(labels.sheet_pdf(certifications * 8, "HTX Mỳ Chũ"))
    assert len(reader.pages) == 2  # 24 labels, 21 to a page
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    assert "Mỳ Chũ gạo bao thai" in text
    assert "Khu vực phía Bắc · 2017" in text
    assert "Cấp tỉnh · 2018" in text


def test_label_sheet_qr_images_decode(catalog):
    """The sheet's QR codes are the same symbols as the PNG endpoint's."""
    c = catalog["products"]["my_do"].certifications.get()
    row = labels.label_rows([c])[0]
    assert row["url"] == qr.verification_url(c.code)
    assert decode_png(qr.png(row["url"], "m")) == [row["url"]]


def test_a_producer_downloads_their_own_labels_only(client, world):
    client.force_login(world.a)
    dashboard = client.get("/admin/").content.decode()
    own = f"/admin/labels/producer/{world.a_producer.pk}/"
    assert own in dashboard
    response = client.get(own)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    _, text = pdf_text(response.content)
    assert "Mỳ Chũ gạo bao thai" in text
    assert "Làn mây" not in text
    assert client.get(f"/admin/labels/product/{world.a_product.pk}/").status_code == 200
    # B's producer page and B's product: the same 404 as an id that does not exist.
    for url in (
        f"/admin/labels/producer/{world.b_producer.pk}/",
        f"/admin/labels/product/{world.b_product.pk}/",
        "/admin/labels/producer/999999/",
        "/admin/labels/product/999999/",
    ):
        assert client.get(url).status_code == 404, url
    # Walking ids finds nothing of anyone else's.
    found = [
        pk for pk in range(1, 60) if client.get(f"/admin/labels/product/{pk}/").status_code == 200
    ]
    assert set(found) <= set(world.a_producer.get_descendants().values_list("pk", flat=True))


def test_an_editor_downloads_anyones_labels_and_anonymous_nobody(client, world):
    assert client.get(f"/admin/labels/producer/{world.b_producer.pk}/").status_code == 302
    client.force_login(world.editor)
    response = client.get(f"/admin/labels/producer/{world.b_producer.pk}/")
    assert response.status_code == 200
    _, text = pdf_text(response.content)
    assert "Làn mây đan tay" in text


def test_a_producer_with_nothing_in_force_gets_a_message(client, world):
    draft = ProductPageFactory(
        producer=world.a_producer, publish=False, certifications=[("provincial", 2020)]
    )
    client.force_login(world.a)
    response = client.get(f"/admin/labels/product/{draft.pk}/", follow=True)
    assert response.status_code == 200
    assert "Không có chứng nhận nào còn hiệu lực" in response.content.decode()
