from .bulletins import BulletinIndexPage, BulletinPage
from .home import FeaturedProduct, HomePage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .results import Indicator, ResultFigure, ResultsPage

__all__ = [
    "BulletinIndexPage",
    "BulletinPage",
    "FeaturedProduct",
    "HomePage",
    "Indicator",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "ResultFigure",
    "ResultsPage",
]
