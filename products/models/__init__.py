from .certifications import Certification, CertificationLevel, CertificationScheme
from .pages import ProductImage, ProductIndexPage, ProductPage, ProductPageTag
from .trademarks import Trademark, TrademarkIndexPage

__all__ = [
    "Certification",
    "CertificationLevel",
    "CertificationScheme",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ProductPageTag",
    "Trademark",
    "TrademarkIndexPage",
]
