"""Load the sample fairs, news, bulletins and results page idempotently, after the catalog.

It extends the products demo loader, sharing its state (producers, products, images, the
Demo collection and the counts the summary prints), so one summary covers everything.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from catalog.demo import images
from catalog.demo.catalog_loader import CREATED, UNCHANGED, DemoLoader, stream
from catalog.home import structure as home_structure
from catalog.home.models import (
    BulletinIndexPage,
    BulletinPage,
    NewsIndexPage,
    NewsPage,
    ResultFigure,
    ResultsPage,
)
from fairs import structure as fairs_structure
from fairs.models import Exhibit, FairGalleryImage, FairIndexPage, FairPage

from . import fairs_data as data
from . import pdf, results

SCOPE_GROUP = {"provincial": "food", "national": "crafts", "international": "machinery"}


def _date(value):
    return datetime.date.fromisoformat(value)


class FairsDemoLoader(DemoLoader):
    def __init__(self, base):
        super().__init__()
        self.__dict__.update(base.__dict__)
        self.document_model = get_document_model()

    def _page_matches(self, page, fields, children, tags):
        """Like the base check, with exhibits' products compared by id."""
        plain = {
            relation: (model, [{k: v for k, v in row.items() if k != "products"} for row in rows])
            for relation, (model, rows) in children.items()
        }
        if not DemoLoader._page_matches(page, fields, plain, tags):
            return False
        for relation, (_model, rows) in children.items():
            for child, row in zip(getattr(page, relation).all(), rows, strict=True):
                wanted = sorted(p.pk for p in row.get("products", []))
                if "products" in row and sorted(p.pk for p in child.products.all()) != wanted:
                    return False
        return True

    def document(self, title, render):
        """The Demo document with this title; generated and stored only when missing."""
        document = self.document_model.objects.filter(
            title=title, collection=self.collection
        ).first()
        if document is not None:
            self.stats["documents"][UNCHANGED] += 1
            return document
        content = render()
        document = self.document_model(title=title, collection=self.collection)
        document.file = ContentFile(content, name=f"{title.lower().replace(' ', '-')}.pdf")
        document.file_size = len(content)
        document.file_hash = hash_filelike(io.BytesIO(content))
        document.save()
        self.stats["documents"][CREATED] += 1
        return document

    def load_sections(self, sections):
        for model, key in ((FairIndexPage, "fairs"), (NewsIndexPage, "news")):
            self.update_page(
                "sections", sections[model].specific, {"intro": data.SECTIONS[key]["intro"]}
            )
        self.update_page(
            "sections",
            sections[BulletinIndexPage].specific,
            {"intro": data.SECTIONS["bulletins"]["intro"]},
        )

    def load_fairs(self, index):
        for item in data.FAIRS:
            exhibits = []
            for order, (producer_slug, booth, names) in enumerate(item["exhibits"]):
                exhibits.append(
                    {
                        "producer_id": self.producers[producer_slug].pk,
                        "booth": booth,
                        "products": [self.products[(producer_slug, n)] for n in names],
                        "sort_order": order,
                    }
                )
                for product in exhibits[-1]["products"]:
                    Exhibit(producer=self.producers[producer_slug], products=[product]).clean()
            picture = self.image(
                f"Hội chợ: {item['title']}",
                f"Gian hàng của tỉnh tại {item['title']} (ảnh minh hoạ mẫu)",
                lambda item=item: images.photo(
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
                "description": stream(
                    [("paragraph", f"Đơn vị tổ chức: {item['organiser']}. {data.SAMPLE_NOTE}")]
                ),
            }
            children = {
                "exhibits": (Exhibit, exhibits),
                "gallery_images": (
                    FairGalleryImage,
                    [{"image_id": picture.pk, "caption": item["venue"], "sort_order": 0}],
                ),
            }
            self.sync_page("fairs", index, FairPage, item["slug"], fields, children)

    def load_news(self, index):
        for slug, date, title, intro, paragraphs, tags in data.NEWS:
            picture = self.image(
                f"Tin tức: {title}",
                f"Ảnh minh hoạ cho tin: {title}",
                lambda title=title, slug=slug: images.photo(title, "Tin tức", "crafts", seed=slug),
            )
            fields = {
                "title": title,
                "date": _date(date),
                "intro": intro,
                "image_id": picture.pk,
                "body": stream([("paragraph", p) for p in [*paragraphs, data.SAMPLE_NOTE]]),
            }
            self.sync_page("news", index, NewsPage, slug, fields, tags=list(tags))

    def load_bulletins(self, index):
        for number, year, quarter, summary, highlights in data.BULLETINS:
            title = f"Bản tin khuyến công số {number} (quý {quarter}/{year})"
            subtitle = f"Số {number} · Quý {quarter}/{year}"
            picture = self.image(
                f"Bìa bản tin số {number}",
                f"Bìa bản tin khuyến công số {number}, quý {quarter}/{year} (hình mẫu)",
                lambda t=title, s=subtitle, h=highlights: pdf.png_bytes(pdf.cover(t, s, h)),
                extension="png",
            )
            document = self.document(
                f"Ban tin khuyen cong so {number}",
                lambda t=title, s=subtitle, h=highlights: pdf.pdf_bytes(pdf.cover(t, s, h)),
            )
            fields = {
                "title": title,
                "issue_number": number,
                "quarter": quarter,
                "year": year,
                "summary": summary,
                "document_id": document.pk,
                "cover_image_id": picture.pk,
                "body": stream([("paragraph", summary), ("paragraph", data.SAMPLE_NOTE)]),
            }
            self.sync_page("bulletins", index, BulletinPage, f"ban-tin-so-{number}", fields)

    def load_results(self, page):
        self.update_page(
            "results page",
            page.specific,
            {"title": results.PAGE["title"], "intro": results.PAGE["intro"]},
            children={"figures": (ResultFigure, results.figure_rows())},
        )

    def run(self):
        with transaction.atomic():
            sections = {**fairs_structure.ensure_sections(), **home_structure.ensure_sections()}
            self.load_sections(sections)
            self.load_fairs(sections[FairIndexPage].specific)
            self.load_news(sections[NewsIndexPage].specific)
            self.load_bulletins(sections[BulletinIndexPage].specific)
            self.load_results(sections[ResultsPage])
        return self

    def summary(self):
        lines = [super().summary()]
        lines.append(
            f"Fairs and news: {FairPage.objects.live().count()} fairs, "
            f"{Exhibit.objects.count()} exhibits, {NewsPage.objects.live().count()} news items, "
            f"{BulletinPage.objects.live().count()} bulletins."
        )
        return "\n".join(lines)
