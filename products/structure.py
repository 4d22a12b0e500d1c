"""The catalogue's fixed sections under the home page, created when missing, so that the
importer and the demo loader always have a place to put pages."""

from catalog.base.structure import ensure_children

from .models import ProducerIndexPage, ProductIndexPage, TrademarkIndexPage

SECTIONS = (
    (ProducerIndexPage, "nha-san-xuat", "Cơ sở sản xuất"),
    (ProductIndexPage, "san-pham", "Sản phẩm"),
    (TrademarkIndexPage, "nhan-hieu", "Nhãn hiệu"),
)


def ensure_sections():
    """{model: live page} for each catalogue section, creating and publishing missing ones."""
    return ensure_children(SECTIONS)
