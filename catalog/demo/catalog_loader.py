"""Load the sample content of `data.py` idempotently.

Every record is looked up by a stable key (slug for taxonomy, trademarks and pages, title
for images in the Demo collection). A missing record is created; an existing one is
updated only when its values differ from the data, and a page then gets one new published
revision. Running the loader twice therefore leaves the database as it was.
"""

import contextlib
import datetime
import io
import time
from collections import Counter, defaultdict

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.utils.file import hash_filelike

from catalog.base.models import StandardPage
from catalog.base.structure import home_page
from catalog.base.text import vietnamese_slug
from catalog.home.models import FeaturedProduct
from products.models import (
    Category,
    Certification,
    CraftVillage,
    District,
    ProducerGalleryImage,
    ProducerIndexPage,
    ProducerPage,
    ProductImage,
    ProductIndexPage,
    ProductPage,
    Trademark,
    TrademarkIndexPage,
)
from products.structure import ensure_sections
from search.signal_handlers import search_auto_update_paused

from . import catalog_data as data
from . import images

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

SECTION_INTROS = {
    ProducerIndexPage: "Doanh nghiệp, hợp tác xã, hộ kinh doanh và làng nghề có sản phẩm công "
    "nghiệp nông thôn tiêu biểu. Lọc theo địa bàn và loại hình cơ sở.",
    ProductIndexPage: "Sản phẩm công nghiệp nông thôn tiêu biểu được công nhận cấp tỉnh, khu vực "
    "phía Bắc và quốc gia, cùng các sản phẩm OCOP.",
    TrademarkIndexPage: "Nhãn hiệu thông thường, nhãn hiệu tập thể, nhãn hiệu chứng nhận và chỉ "
    "dẫn địa lý của các sản phẩm trong tỉnh.",
}


def rich_text(paragraphs, highlights=()):
    """HTML for a rich text field: one <p> per paragraph, then an optional bulleted list."""
    html = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    if highlights:
        html += "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in highlights) + "</ul>"
    return html


def stream(blocks):
    """Raw StreamField data for BodyStreamBlock from (type, text) pairs."""
    raw = []
    for block_type, text in blocks:
        if block_type == "heading":
            raw.append({"type": "heading", "value": {"text": text, "level": "h2"}})
        else:
            raw.append({"type": "paragraph", "value": rich_text([text])})
    return raw


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _comparable(value):
    """Stream values compare by block type and value, ignoring the block ids."""
    if isinstance(value, StreamValue):
        value = list(value.raw_data)
    if isinstance(value, list) and all(isinstance(v, dict) and "type" in v for v in value):
        return [(block["type"], block["value"]) for block in value]
    return value


class DemoLoader:
    def __init__(self):
        self.stats = defaultdict(Counter)
        self.categories = {}
        self.districts = {}
        self.villages = {}
        self.producers = {}
        self.products = {}
        self.trademarks = {}
        self.category_group = {}
        self.collection = None
        self.image_model = get_image_model()
        self.images = {}
        self.seconds = 0.0
        self.index_seconds = None
        self.warnings = []

    # --- generic helpers -------------------------------------------------------------------

    def upsert(self, model, kind, lookup, values):
        """The row matching lookup, created or updated to hold values."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            self.stats[kind][CREATED] += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save()
            self.stats[kind][UPDATED] += 1
        else:
            self.stats[kind][UNCHANGED] += 1
        return obj

    def sync_page(self, kind, parent, model, slug, fields, children=None, tags=None):
        """The page `slug` under parent, created and published, or brought up to date with
        one published revision when its content differs from the data."""
        children = children or {}
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug, **fields)
            for relation, (child_model, rows) in children.items():
                setattr(page, relation, [child_model(**row) for row in rows])
            if tags:
                page.tags.add(*tags)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.stats[kind][CREATED] += 1
            return page
        page = existing.specific
        if not isinstance(page, model):
            raise RuntimeError(f"{page.url_path} exists but is not a {model.__name__}.")
        self.update_page(kind, page, fields, children, tags)
        return page

    def update_page(self, kind, page, fields, children=None, tags=None):
        children = children or {}
        if self._page_matches(page, fields, children, tags):
            self.stats[kind][UNCHANGED] += 1
            return
        for name, value in fields.items():
            setattr(page, name, value)
        for relation, (child_model, rows) in children.items():
            setattr(page, relation, [child_model(**row) for row in rows])
        if tags is not None:
            page.tags.set(tags)
        page.save_revision().publish()
        self.stats[kind][UPDATED] += 1

    @staticmethod
    def _page_matches(page, fields, children, tags):
        if not page.live or page.has_unpublished_changes:
            return False
        for name, value in fields.items():
            if _comparable(getattr(page, name)) != _comparable(value):
                return False
        for relation, (_model, rows) in children.items():
            current = list(getattr(page, relation).all())
            if len(current) != len(rows):
                return False
            for child, row in zip(current, rows, strict=True):
                if any(getattr(child, key) != value for key, value in row.items()):
                    return False
        return tags is None or set(page.tags.names()) == set(tags)

    # --- images ----------------------------------------------------------------------------

    def load_collection(self):
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=data.COLLECTION_NAME).first()
        if collection is None:
            collection = root.add_child(name=data.COLLECTION_NAME)
        self.collection = collection
        self.images = {
            image.title: image for image in self.image_model.objects.filter(collection=collection)
        }

    def image(self, title, alt, render, extension="jpg"):
        """The Demo image with this title; drawn and stored only when missing."""
        alt = alt[:255]
        image = self.images.get(title)
        if image is not None:
            if image.description != alt:
                image.description = alt
                image.save(update_fields=["description"])
                self.stats["images"][UPDATED] += 1
            else:
                self.stats["images"][UNCHANGED] += 1
            return image
        content = render()
        image = self.image_model(title=title, description=alt, collection=self.collection)
        filename = f"{vietnamese_slug(title, 60)}.{extension}"
        image.file = ImageFile(io.BytesIO(content), name=filename)
        image.file_size = len(content)
        image.file_hash = hash_filelike(io.BytesIO(content))
        image.save()
        self.images[title] = image
        self.stats["images"][CREATED] += 1
        return image

    # --- taxonomy --------------------------------------------------------------------------

    def load_taxonomy(self):
        for order, group in enumerate(data.CATEGORIES):
            values = {
                "name": group["name"],
                "name_en": group["name_en"],
                "description": group.get("description", ""),
                "parent_id": None,
                "sort_order": order,
            }
            top = self.upsert(Category, "categories", {"slug": group["slug"]}, values)
            self.categories[top.slug] = top
            self.category_group[top.slug] = group["group"]
            for child_order, child in enumerate(group.get("children", [])):
                values = {
                    "name": child["name"],
                    "name_en": child["name_en"],
                    "description": child.get("description", ""),
                    "parent_id": top.pk,
                    "sort_order": child_order,
                }
                sub = self.upsert(Category, "categories", {"slug": child["slug"]}, values)
                self.categories[sub.slug] = sub
                self.category_group[sub.slug] = group["group"]

        # Active units first, so a retired unit can point at the one it merged into.
        for item in sorted(data.DISTRICTS, key=lambda d: "merged_into" in d):
            merged_into = self.districts.get(item.get("merged_into"))
            values = {
                "name": item["name"],
                "kind": item["kind"],
                "is_active": item.get("is_active", True),
                "merged_into_id": merged_into.pk if merged_into else None,
            }
            self.districts[item["slug"]] = self.upsert(
                District, "districts", {"slug": item["slug"]}, values
            )

        for item in data.CRAFT_VILLAGES:
            values = {
                "name": item["name"],
                "commune": item["commune"],
                "district_id": self.districts[item["district"]].pk,
                "recognition_year": item["recognition_year"],
                "recognition_decision": item["recognition_decision"],
                "is_traditional": item["is_traditional"],
            }
            self.villages[item["slug"]] = self.upsert(
                CraftVillage, "craft villages", {"slug": item["slug"]}, values
            )

    # --- producers, trademarks, products ---------------------------------------------------

    def load_producers(self, index):
        for item in data.PRODUCERS:
            district = self.districts[item["district"]]
            first_category = item["products"][0]["category"] if item["products"] else ""
            group = self.category_group.get(first_category, "other")
            logo = self.image(
                f"Logo {item['name']}",
                f"Logo của {item['name']} (hình minh hoạ mẫu)",
                lambda item=item: images.logo(
                    item["short_name"],
                    images.LEGAL_FORM_COLOURS[item["legal_form"]],
                    seed=item["slug"],
                ),
                extension="png",
            )
            gallery = []
            for order, caption in enumerate(item.get("gallery", [])):
                picture = self.image(
                    f"{item['name']}: {caption}",
                    f"{caption} tại {item['name']} (ảnh minh hoạ mẫu)",
                    lambda caption=caption, item=item, group=group, order=order: images.photo(
                        caption, item["name"], group, seed=f"{item['slug']}/gallery/{order}"
                    ),
                )
                gallery.append({"image_id": picture.pk, "caption": caption, "sort_order": order})
            village = self.villages.get(item.get("craft_village"))
            fields = {
                "title": item["name"],
                "intro": item["intro"],
                "legal_form": item["legal_form"],
                "address": item["address"],
                "district_id": district.pk,
                "craft_village_id": village.pk if village else None,
                "representative": item.get("representative", ""),
                "established_year": item.get("established_year"),
                "phone": item.get("phone", ""),
                "email": item.get("email", ""),
                "website": item.get("website", ""),
                "logo_id": logo.pk,
                "story": stream([("paragraph", text) for text in item["story"]]),
            }
            self.producers[item["slug"]] = self.sync_page(
                "producers",
                index,
                ProducerPage,
                item["slug"],
                fields,
                children={"gallery_images": (ProducerGalleryImage, gallery)},
            )

    def load_trademarks(self):
        for item in data.TRADEMARKS:
            owner = self.producers.get(item.get("owner"))
            logo = self.image(
                f"Nhãn hiệu {item['mark']}",
                f"Biểu trưng nhãn hiệu {item['mark']} (hình minh hoạ mẫu)",
                lambda item=item: images.logo(
                    item["mark"],
                    images.TRADEMARK_KIND_COLOURS[item["kind"]],
                    seed=item["slug"],
                ),
                extension="png",
            )
            values = {
                "mark": item["mark"],
                "kind": item["kind"],
                "status": item["status"],
                "registration_number": item.get("registration_number", ""),
                "application_date": _date(item.get("application_date")),
                "registration_date": _date(item.get("registration_date")),
                "expiry_date": _date(item.get("expiry_date")),
                "owner_id": owner.pk if owner else None,
                "owner_name": item.get("owner_name", ""),
                "nice_classes": item.get("nice_classes", ""),
                "logo_id": logo.pk,
                "description": item.get("description", ""),
            }
            self.trademarks[item["slug"]] = self.upsert(
                Trademark, "trademarks", {"slug": item["slug"]}, values
            )

    def certification_rows(self, entries):
        rows = []
        for order, entry in enumerate(entries):
            if isinstance(entry, str):
                entry = {"round": entry}
            base = data.CERTIFICATION_ROUNDS[entry["round"]]
            row = {
                "scheme": base["scheme"],
                "level": base["level"],
                "year": base["year"],
                "decision_number": base["decision_number"],
                "issuing_body": base["issuing_body"],
                "issued_on": _date(base.get("issued_on")),
                "expires_on": _date(base.get("expires_on")),
                "ocop_stars": entry.get("ocop_stars"),
                "prize_rank": entry.get("prize_rank", ""),
                "sort_order": order,
            }
            Certification(**row).clean()  # the same rules as the admin form
            rows.append(row)
        return rows

    def load_products(self):
        for producer_item in data.PRODUCERS:
            producer = self.producers[producer_item["slug"]]
            district = self.districts[producer_item["district"]]
            for item in producer_item["products"]:
                slug = vietnamese_slug(item["name"])
                group = self.category_group[item["category"]]
                pictures = []
                for number in range(1, item.get("images", 1) + 1):
                    title = f"{item['name']} ({producer_item['name']})"
                    subtitle = f"{producer_item['short_name']} · {district.name}"
                    caption = ""
                    if number > 1:
                        title += f", ảnh {number}"
                        subtitle = item["packaging"]
                        caption = f"Quy cách đóng gói: {item['packaging']}"
                    picture = self.image(
                        title,
                        f"Ảnh minh hoạ sản phẩm {item['name']} của {producer_item['name']} "
                        "(hình mẫu, không phải ảnh thật)",
                        lambda item=item, subtitle=subtitle, group=group, seed=title: images.photo(
                            item["name"], subtitle, group, seed=seed
                        ),
                    )
                    pictures.append(
                        {"image_id": picture.pk, "caption": caption, "sort_order": number - 1}
                    )
                trademark = self.trademarks.get(item.get("trademark"))
                fields = {
                    "title": item["name"],
                    "intro": item["intro"],
                    "category_id": self.categories[item["category"]].pk,
                    "description": rich_text(item["description"], item.get("highlights", ())),
                    "trademark_id": trademark.pk if trademark else None,
                    **{name: item.get(name, "") for name in ProductPage.SPEC_FIELDS},
                }
                children = {
                    "images": (ProductImage, pictures),
                    "certifications": (
                        Certification,
                        self.certification_rows(item["certifications"]),
                    ),
                }
                page = self.sync_page(
                    "products", producer, ProductPage, slug, fields, children, tags=item["tags"]
                )
                self.products[(producer_item["slug"], item["name"])] = page

    # --- site shell ------------------------------------------------------------------------

    def load_shell(self, home, sections):
        for model, page in sections.items():
            if model in SECTION_INTROS:
                self.update_page("sections", page.specific, {"intro": SECTION_INTROS[model]})
        featured = [
            {"product_id": self.products[key].pk, "sort_order": order}
            for order, key in enumerate(data.HOME["featured"])
        ]
        self.update_page(
            "home page",
            home,
            {
                "hero_title": data.HOME["hero_title"],
                "intro": data.HOME["intro"],
                "body": stream(data.HOME["body"]),
            },
            children={"featured_products": (FeaturedProduct, featured)},
        )
        about = data.ABOUT
        self.sync_page(
            "standard pages",
            home,
            StandardPage,
            about["slug"],
            {"title": about["title"], "intro": about["intro"], "body": stream(about["body"])},
        )

    # --- entry point -----------------------------------------------------------------------

    def run(self, rebuild_indexes=True):
        started = time.monotonic()
        # Updating Wagtail's reference and search indexes on each of the ~1,500 saves costs
        # more than the load itself, so they are rebuilt once at the end instead.
        pause = contextlib.ExitStack()
        if rebuild_indexes:
            pause.enter_context(disable_reference_index_auto_update())
            pause.enter_context(search_auto_update_paused())
        with pause, transaction.atomic():
            home = home_page()
            if home is None:
                raise RuntimeError("The site has no home page; run the migrations first.")
            self.load_collection()
            self.load_taxonomy()
            sections = ensure_sections()
            home = home_page()  # again: adding the sections changed its tree fields
            self.load_producers(sections[ProducerIndexPage].specific)
            self.load_trademarks()
            self.load_products()
            self.load_shell(home, sections)
        if rebuild_indexes:
            self.rebuild_indexes()
        self.seconds = time.monotonic() - started
        return self

    def rebuild_indexes(self):
        """Rebuild Wagtail's reference and search indexes. The content is committed by now,
        so an unreachable search engine is reported rather than undoing the load."""
        started = time.monotonic()
        for command in ("rebuild_references_index", "update_index"):
            try:
                call_command(command, verbosity=0)
            except Exception as error:  # noqa: BLE001 - any engine failure is only reported
                self.warnings.append(f"{command} failed: {error}")
        self.index_seconds = time.monotonic() - started

    def summary(self):
        took = f"{self.seconds:.1f} s"
        if self.index_seconds is not None:
            took += f", of which {self.index_seconds:.1f} s rebuilding the indexes"
        lines = [f"Demo data loaded in {took}."]
        for kind, counts in self.stats.items():
            parts = [f"{counts[s]} {s}" for s in (CREATED, UPDATED, UNCHANGED) if counts[s]]
            lines.append(f"  {kind}: {', '.join(parts)}")
        producers = ProducerPage.objects.live().count()
        products = ProductPage.objects.live().count()
        certifications = Certification.objects.count()
        trademarks = Trademark.objects.count()
        pictures = self.image_model.objects.filter(collection=self.collection).count()
        lines.append(
            f"Totals: {producers} producers, {products} live products, {certifications} "
            f"certifications, {trademarks} trademarks, {pictures} demo images."
        )
        lines.extend(f"Warning: {warning}" for warning in self.warnings)
        return "\n".join(lines)


def load_demo(rebuild_indexes=True):
    """Load the sample content; returns the loader, whose summary() describes what changed."""
    return DemoLoader().run(rebuild_indexes=rebuild_indexes)
