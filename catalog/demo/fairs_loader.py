"""Load the sample fairs, news, bulletins and results page after the catalog, by the same
rules: create what is missing, leave what exists (or, when resetting, put it back).

It extends the catalog's demo loader, sharing its state (producers, products, images, the
Demo collection and the counts the summary prints), so one summary covers everything.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from catalog.base.structure import home_page
from catalog.demo import images
from catalog.demo.catalog_loader import CREATED, KEPT, DemoLoader, paragraphs
from catalog.home import structure as home_structure
from catalog.home.models import (
    BulletinIndexPage,
    BulletinPage,
    NewsIndexPage,
    NewsPage,
    ResultsPage,
)
from fairs import structure as fairs_structure
from fairs.models import Exhibit, FairIndexPage, FairPage

from . import pdf, results
from .data import read
from .navigation import load_navigation

SCOPE_GROUP = {"provincial": "food", "national": "crafts", "international": "machinery"}
SECTION_KEYS = {FairIndexPage: "fairs", NewsIndexPage: "news", BulletinIndexPage: "bulletins"}


def _date(value):
    return datetime.date.fromisoformat(value)


class FairsDemoLoader(DemoLoader):
    def __init__(self, base):
        super().__init__()
        self.__dict__.update(base.__dict__)
        self.document_model = get_document_model()
        self.sample_note = self.pages["sample_note"]

    def document(self, title, render):
        """The Demo document with this title; generated and stored only when missing."""
        document = self.document_model.objects.filter(
            title=title, collection=self.collection
        ).first()
        if document is not None:
            self.count("documents", KEPT)
            return document
        content = render()
        document = self.document_model(title=title, collection=self.collection)
        document.file = ContentFile(content, name=f"{title.lower().replace(' ', '-')}.pdf")
        document.file_size = len(content)
        document.file_hash = hash_filelike(io.BytesIO(content))
        document.save()
        self.count("documents", CREATED)
        return document

    def load_sections(self, sections):
        for model, key in SECTION_KEYS.items():
            intro = self.pages["sections"][key]
            self.fill_page("sections", sections[model].specific, {"intro": intro})

    def load_fairs(self, index):
        for item in read("fairs"):
            self.page(
                "fairs",
                index,
                FairPage,
                item["slug"],
                lambda item=item: self.fair_content(item),
            )

    def fair_content(self, item):
        exhibits = []
        for order, exhibit in enumerate(item["exhibits"]):
            producer = self.producers[exhibit["producer"]]
            products = [self.products[(exhibit["producer"], n)] for n in exhibit["products"]]
            exhibits.append(
                {
                    "producer_id": producer.pk,
                    "booth": exhibit["booth"],
                    "products": products,
                    "sort_order": order,
                }
            )
            for product in products:
                Exhibit(producer=producer, products=[product]).clean()
        picture = self.image(
            f"Hội chợ: {item['title']}",
            f"Gian hàng của tỉnh tại {item['title']} (ảnh minh hoạ mẫu)",
            lambda: images.photo(
                item["title"], item["city"], SCOPE_GROUP[item["scope"]], seed=item["slug"]
            ),
        )
        fields = {
            "title": item["title"],
            "intro": f"{item['title']} tại {item['city']}.",
            "start_date": _date(item["start"]),
            "end_date": _date(item["end"]),
            "venue": item["venue"],
            "city": item["city"],
            "country": item["country"],
            "scope": item["scope"],
            "organiser": item["organiser"],
            "programme_supported": item["supported"],
            "description": paragraphs([f"Đơn vị tổ chức: {item['organiser']}. {self.sample_note}"]),
        }
        children = {
            "exhibits": exhibits,
            "gallery_images": [{"image_id": picture.pk, "caption": item["venue"], "sort_order": 0}],
        }
        return fields, children, None

    def load_news(self, index):
        for item in read("news"):
            self.page(
                "news", index, NewsPage, item["slug"], lambda item=item: self.news_content(item)
            )

    def news_content(self, item):
        picture = self.image(
            f"Tin tức: {item['title']}",
            f"Ảnh minh hoạ cho tin: {item['title']}",
            lambda: images.photo(item["title"], "Tin tức", "crafts", seed=item["slug"]),
        )
        fields = {
            "title": item["title"],
            "date": _date(item["date"]),
            "intro": item["intro"],
            "image_id": picture.pk,
            "body": paragraphs([*item["paragraphs"], self.sample_note]),
        }
        return fields, None, item["tags"]

    def load_bulletins(self, index):
        for item in read("bulletins"):
            self.page(
                "bulletins",
                index,
                BulletinPage,
                f"ban-tin-so-{item['number']}",
                lambda item=item: self.bulletin_content(item),
            )

    def bulletin_content(self, item):
        number, year, quarter = item["number"], item["year"], item["quarter"]
        title = f"Bản tin khuyến công số {number} (quý {quarter}/{year})"
        subtitle = f"Số {number} · Quý {quarter}/{year}"
        highlights = item["highlights"]
        picture = self.image(
            f"Bìa bản tin số {number}",
            f"Bìa bản tin khuyến công số {number}, quý {quarter}/{year} (hình mẫu)",
            lambda: pdf.png_bytes(pdf.cover(title, subtitle, highlights)),
            extension="png",
        )
        document = self.document(
            f"Ban tin khuyen cong so {number}",
            lambda: pdf.pdf_bytes(pdf.cover(title, subtitle, highlights)),
        )
        fields = {
            "title": title,
            "issue_number": number,
            "quarter": quarter,
            "year": year,
            "summary": item["summary"],
            "document_id": document.pk,
            "cover_image_id": picture.pk,
            "body": paragraphs([item["summary"], self.sample_note]),
        }
        return fields, None, None

    def load_results(self, page):
        sample = results.page()
        default_title = next(t for m, _s, t in home_structure.SECTIONS if m is ResultsPage)
        self.fill_page(
            "results page",
            page.specific,
            {"title": sample["title"], "intro": sample["intro"]},
            children={"figures": results.figure_rows()},
            blank={"title": default_title},
        )

    def run(self):
        with transaction.atomic():
            sections = {**fairs_structure.ensure_sections(), **home_structure.ensure_sections()}
            self.load_sections(sections)
            self.load_fairs(sections[FairIndexPage].specific)
            self.load_news(sections[NewsIndexPage].specific)
            self.load_bulletins(sections[BulletinIndexPage].specific)
            self.load_results(sections[ResultsPage])
            load_navigation(self, home_page())
        return self

    def summary(self):
        lines = [super().summary()]
        lines.append(
            f"Fairs and news: {FairPage.objects.live().count()} fairs, "
            f"{Exhibit.objects.count()} exhibits, {NewsPage.objects.live().count()} news items, "
            f"{BulletinPage.objects.live().count()} bulletins."
        )
        return "\n".join(lines)
