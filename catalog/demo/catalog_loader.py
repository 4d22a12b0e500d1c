"""Load the sample content of `data/*.json`: create what is missing, leave what exists.

Every record is looked up by a stable key (slug for taxonomy, trademarks and pages, title
for images in the Demo collection). A missing record is created (and a page published); an
existing one is left exactly as it is, published or not, whoever changed it. The home page
and the section pages exist before any sample data (the migrations and the other commands
create them blank), so they are filled in while they are still blank and then left alone.

With reset=True the sample records are put back as the data files describe them instead,
and pages that differ (or are unpublished, or have a draft) get one new published revision.
Records that are not in the data files are never touched.
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
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.utils.file import hash_filelike

from catalog.base import publishing
from catalog.base.models import StandardPage
from catalog.base.structure import home_page
from catalog.base.text import vietnamese_slug
from products.models import (
    Category,
    Certification,
    CraftVillage,
    District,
    ProducerIndexPage,
    ProducerPage,
    ProductIndexPage,
    ProductPage,
    Trademark,
    TrademarkIndexPage,
)
from products.structure import ensure_sections
from search.signal_handlers import search_auto_update_paused

from . import images
from .data import read

# What happened to each record, as the summary says it.
CREATED, FILLED, KEPT, RESET, UNCHANGED = (
    "created",
    "filled in",
    "left alone",
    "reset",
    "already as in the sample data",
)
STATUSES = (CREATED, FILLED, RESET, UNCHANGED, KEPT)

SECTION_KEYS = {
    ProducerIndexPage: "producers",
    ProductIndexPage: "products",
    TrademarkIndexPage: "trademarks",
}


def rich_text(paragraphs, highlights=()):
    """HTML for a rich text field: one <p> per paragraph, then an optional bulleted list."""
    html = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    if highlights:
        html += "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in highlights) + "</ul>"
    return html


def stream(blocks):
    """Raw StreamField data for BodyStreamBlock from {type: text} blocks."""
    raw = []
    for block in blocks:
        ((block_type, text),) = block.items()
        if block_type == "heading":
            raw.append({"type": "heading", "value": {"text": text, "level": "h2"}})
        else:
            raw.append({"type": "paragraph", "value": rich_text([text])})
    return raw


def paragraphs(texts):
    return stream([{"paragraph": text} for text in texts])


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _called(value):
    return value() if callable(value) else value


def _blank(value):
    if hasattr(value, "raw_data"):  # a stream value
        return not list(value.raw_data)
    return value in ("", None, [])


class DemoLoader:
    def __init__(self, reset=False):
        self.reset = reset
        self.stats = defaultdict(Counter)
        self.categories = {}
        self.districts = {}
        self.villages = {}
        self.producers = {}
        self.products = {}
        self.trademarks = {}
        self.category_group = {}
        self.pages = read("pages")
        self.collection = None
        self.image_model = get_image_model()
        self.images = {}
        self.seconds = 0.0
        self.index_seconds = None

    # --- generic helpers -------------------------------------------------------------------

    def count(self, kind, status):
        self.stats[kind][status] += 1

    def snippet(self, model, kind, slug, values):
        """The row with this slug: created when missing, otherwise left alone (or, when
        resetting, given the values). values is {field: value}, or a function returning
        it that is called only when the row is written."""
        obj = model.objects.filter(slug=slug).first()
        if obj is None:
            obj = model(slug=slug, **_called(values))
            obj.full_clean()
            obj.save()
            self.count(kind, CREATED)
        elif not self.reset:
            self.count(kind, KEPT)
        elif publishing.assign(obj, _called(values)):
            obj.full_clean()
            obj.save()
            self.count(kind, RESET)
        else:
            self.count(kind, UNCHANGED)
        return obj

    def page(self, kind, parent, model, slug, content):
        """The page `slug` under parent: created and published when missing, otherwise left
        alone (or, when resetting, given the data's content and republished if it differs).
        content is a function returning (fields, children, tags) for publish_page, called
        only when the page is written, so a page left alone costs no pictures."""
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug)
            publishing.publish_page(page, *content(), parent=parent)
            self.count(kind, CREATED)
            return page
        page = existing.specific
        if not isinstance(page, model):
            raise RuntimeError(f"{page.url_path} exists but is not a {model.__name__}.")
        if self.reset:
            self.reset_page(kind, page, *content())
        else:
            self.count(kind, KEPT)
        return page

    def reset_page(self, kind, page, fields, children=None, tags=None):
        status = publishing.publish_page(page, fields, children, tags, replace_draft=True)
        self.count(kind, RESET if status == publishing.UPDATED else UNCHANGED)

    def fill_page(self, kind, page, fields, children=None, blank=None):
        """A page that exists before the sample data (home, sections): filled in with the
        data's content while every one of these fields and rows is still blank (or holds
        the value in `blank` that the site gave it), otherwise left alone."""
        if self.reset:
            self.reset_page(kind, page, fields, children)
            return
        blank = blank or {}
        pristine = all(
            _blank(getattr(page, name)) or getattr(page, name) == blank.get(name) for name in fields
        ) and not any(list(getattr(page, relation).all()) for relation in children or {})
        if pristine:
            publishing.publish_page(page, fields, children)
            self.count(kind, FILLED)
        else:
            self.count(kind, KEPT)

    # --- images ----------------------------------------------------------------------------

    def load_collection(self):
        root = Collection.get_first_root_node()
        name = self.pages["collection"]
        collection = root.get_children().filter(name=name).first()
        if collection is None:
            collection = root.add_child(name=name)
        self.collection = collection
        self.images = {
            image.title: image for image in self.image_model.objects.filter(collection=collection)
        }

    def image(self, title, alt, render, extension="jpg"):
        """The Demo image with this title; drawn and stored only when missing (a reset puts
        back its description, not its picture)."""
        alt = alt[:255]
        image = self.images.get(title)
        if image is not None:
            if not self.reset:
                self.count("images", KEPT)
            elif publishing.assign(image, {"description": alt}):
                image.save(update_fields=["description"])
                self.count("images", RESET)
            else:
                self.count("images", UNCHANGED)
            return image
        content = render()
        image = self.image_model(title=title, description=alt, collection=self.collection)
        filename = f"{vietnamese_slug(title, 60)}.{extension}"
        image.file = ImageFile(io.BytesIO(content), name=filename)
        image.file_size = len(content)
        image.file_hash = hash_filelike(io.BytesIO(content))
        image.save()
        self.images[title] = image
        self.count("images", CREATED)
        return image

    # --- taxonomy --------------------------------------------------------------------------

    def load_taxonomy(self):
        for order, group in enumerate(read("categories")):
            values = {
                "name": group["name"],
                "name_en": group["name_en"],
                "description": group.get("description", ""),
                "parent_id": None,
                "sort_order": order,
            }
            top = self.snippet(Category, "categories", group["slug"], values)
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
                sub = self.snippet(Category, "categories", child["slug"], values)
                self.categories[sub.slug] = sub
                self.category_group[sub.slug] = group["group"]

        # Active units first, so a retired unit can point at the one it merged into.
        for item in sorted(read("districts"), key=lambda d: "merged_into" in d):
            merged_into = self.districts.get(item.get("merged_into"))
            values = {
                "name": item["name"],
                "kind": item["kind"],
                "is_active": item.get("is_active", True),
                "merged_into_id": merged_into.pk if merged_into else None,
            }
            self.districts[item["slug"]] = self.snippet(District, "districts", item["slug"], values)

        for item in read("craft_villages"):
            values = {
                "name": item["name"],
                "commune": item["commune"],
                "district_id": self.districts[item["district"]].pk,
                "recognition_year": item["recognition_year"],
                "recognition_decision": item["recognition_decision"],
                "is_traditional": item["is_traditional"],
            }
            self.villages[item["slug"]] = self.snippet(
                CraftVillage, "craft villages", item["slug"], values
            )

    # --- producers, trademarks, products ---------------------------------------------------

    def load_producers(self, index):
        for item in self.producer_data:
            self.producers[item["slug"]] = self.page(
                "producers",
                index,
                ProducerPage,
                item["slug"],
                lambda item=item: self.producer_content(item),
            )

    def producer_content(self, item):
        district = self.districts[item["district"]]
        first_category = item["products"][0]["category"] if item["products"] else ""
        group = self.category_group.get(first_category, "other")
        logo = self.image(
            f"Logo {item['name']}",
            f"Logo của {item['name']} (hình minh hoạ mẫu)",
            lambda: images.logo(
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
                lambda caption=caption, order=order: images.photo(
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
            "story": paragraphs(item["story"]),
        }
        return fields, {"gallery_images": gallery}, None

    def load_trademarks(self):
        for item in read("trademarks"):
            self.trademarks[item["slug"]] = self.snippet(
                Trademark, "trademarks", item["slug"], lambda item=item: self.trademark_values(item)
            )

    def trademark_values(self, item):
        owner = self.producers.get(item.get("owner"))
        logo = self.image(
            f"Nhãn hiệu {item['mark']}",
            f"Biểu trưng nhãn hiệu {item['mark']} (hình minh hoạ mẫu)",
            lambda: images.logo(
                item["mark"], images.TRADEMARK_KIND_COLOURS[item["kind"]], seed=item["slug"]
            ),
            extension="png",
        )
        return {
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

    def certification_rows(self, entries):
        rounds = self.certification_rounds
        rows = []
        for order, entry in enumerate(entries):
            if isinstance(entry, str):
                entry = {"round": entry}
            base = rounds[entry["round"]]
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
        for producer_item in self.producer_data:
            producer = self.producers[producer_item["slug"]]
            for item in producer_item["products"]:
                self.products[(producer_item["slug"], item["name"])] = self.page(
                    "products",
                    producer,
                    ProductPage,
                    vietnamese_slug(item["name"]),
                    lambda item=item, producer_item=producer_item: self.product_content(
                        producer_item, item
                    ),
                )

    def product_content(self, producer_item, item):
        district = self.districts[producer_item["district"]]
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
                lambda subtitle=subtitle, seed=title: images.photo(
                    item["name"], subtitle, group, seed=seed
                ),
            )
            pictures.append({"image_id": picture.pk, "caption": caption, "sort_order": number - 1})
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
            "images": pictures,
            "certifications": self.certification_rows(item["certifications"]),
        }
        return fields, children, item["tags"]

    # --- site shell ------------------------------------------------------------------------

    def load_shell(self, home, sections):
        intros = self.pages["sections"]
        for model, page in sections.items():
            if model in SECTION_KEYS:
                self.fill_page("sections", page.specific, {"intro": intros[SECTION_KEYS[model]]})
        data = self.pages["home"]
        featured = [
            {"product_id": self.products[(item["producer"], item["product"])].pk, "sort_order": n}
            for n, item in enumerate(data["featured"])
        ]
        self.fill_page(
            "home page",
            home,
            {
                "hero_title": data["hero_title"],
                "intro": data["intro"],
                "body": stream(data["body"]),
            },
            children={"featured_products": featured},
        )
        about = self.pages["about"]
        fields = {"title": about["title"], "intro": about["intro"], "body": stream(about["body"])}
        self.page("standard pages", home, StandardPage, about["slug"], lambda: (fields, None, None))

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
            self.producer_data = read("producers")
            self.certification_rounds = read("certification_rounds")
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
        """Rebuild Wagtail's reference and search indexes (both in the database: Wagtail's
        search never uses the engine, see WAGTAILSEARCH_BACKENDS)."""
        started = time.monotonic()
        for command in ("rebuild_references_index", "update_index"):
            call_command(command, verbosity=0)
        self.index_seconds = time.monotonic() - started

    def summary(self):
        took = f"{self.seconds:.1f} s"
        if self.index_seconds is not None:
            took += f", of which {self.index_seconds:.1f} s rebuilding the indexes"
        lines = [f"Demo data {'reset' if self.reset else 'loaded'} in {took}."]
        for kind, counts in self.stats.items():
            parts = [f"{counts[s]} {s}" for s in STATUSES if counts[s]]
            lines.append(f"  {kind}: {', '.join(parts)}")
        written = sum(c[s] for c in self.stats.values() for s in (CREATED, FILLED, RESET))
        kept = sum(c[KEPT] for c in self.stats.values())
        if self.reset and not written:
            lines.append(
                "Nothing to reset: the sample records already hold the data files' content."
            )
        elif not self.reset and not written:
            lines.append(
                f"Nothing new: all {kept} sample records exist and were left as they are "
                "(`manage.py load_demo --reset` puts the sample content back)."
            )
        elif not self.reset and kept:
            lines.append(
                f"{kept} existing records were left as they are "
                "(`manage.py load_demo --reset` puts the sample content back)."
            )
        producers = ProducerPage.objects.live().count()
        products = ProductPage.objects.live().count()
        certifications = Certification.objects.count()
        trademarks = Trademark.objects.count()
        pictures = self.image_model.objects.filter(collection=self.collection).count()
        lines.append(
            f"Totals: {producers} producers, {products} live products, {certifications} "
            f"certifications, {trademarks} trademarks, {pictures} demo images."
        )
        return "\n".join(lines)


def load_demo(reset=False, rebuild_indexes=True):
    """Load the sample content (or, with reset, put it back); returns the loader, whose
    summary() says what it created, left alone or reset."""
    return DemoLoader(reset=reset).run(rebuild_indexes=rebuild_indexes)
