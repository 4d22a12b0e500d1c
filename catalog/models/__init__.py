from .pages import FeaturedProduct, HomePage, StandardPage
from .producers import LegalForm, ProducerGalleryImage, ProducerIndexPage, ProducerPage
from .taxonomy import Category, CraftVillage, District

__all__ = [
    "Category",
    "CraftVillage",
    "District",
    "FeaturedProduct",
    "HomePage",
    "LegalForm",
    "ProducerGalleryImage",
    "ProducerIndexPage",
    "ProducerPage",
    "StandardPage",
]
