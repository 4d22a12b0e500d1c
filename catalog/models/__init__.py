from .bulletins import BulletinIndexPage, BulletinPage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .pages import FeaturedProduct, HomePage, StandardPage
from .producers import LegalForm, ProducerGalleryImage, ProducerIndexPage, ProducerPage
from .results import Indicator, ResultFigure, ResultsPage
from .taxonomy import Category, CraftVillage, District

__all__ = [
    "BulletinIndexPage",
    "BulletinPage",
    "Category",
    "CraftVillage",
    "District",
    "FeaturedProduct",
    "HomePage",
    "Indicator",
    "LegalForm",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "ProducerGalleryImage",
    "ProducerIndexPage",
    "ProducerPage",
    "ResultFigure",
    "ResultsPage",
    "StandardPage",
]
