from .access import ProducerTeam
from .certifications import Certification, CertificationLevel, CertificationScheme
from .inquiries import Inquiry
from .pages import ProductImage, ProductIndexPage, ProductPage, ProductPageTag
from .trademarks import Trademark, TrademarkIndexPage

__all__ = [
    "Certification",
    "CertificationLevel",
    "CertificationScheme",
    "Inquiry",
    "ProducerTeam",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ProductPageTag",
    "Trademark",
    "TrademarkIndexPage",
]
