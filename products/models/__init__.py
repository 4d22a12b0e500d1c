from .access import ProducerTeam
from .certifications import Certification, CertificationLevel, CertificationScheme
from .imports import ImportJob
from .inquiries import Inquiry
from .pages import ProductImage, ProductIndexPage, ProductPage, ProductPageTag
from .producers import LegalForm, ProducerGalleryImage, ProducerIndexPage, ProducerPage
from .taxonomy import Category, CraftVillage, District
from .trademarks import Trademark, TrademarkIndexPage

__all__ = [
    "Category",
    "CraftVillage",
    "District",
    "LegalForm",
    "ProducerGalleryImage",
    "ProducerIndexPage",
    "ProducerPage",
    "Certification",
    "CertificationLevel",
    "CertificationScheme",
    "ImportJob",
    "Inquiry",
    "ProducerTeam",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ProductPageTag",
    "Trademark",
    "TrademarkIndexPage",
]
