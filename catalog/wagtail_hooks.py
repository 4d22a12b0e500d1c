from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Category, CraftVillage, District


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["__str__", "slug", "sort_order"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "kind", "is_active", "merged_into"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]


class CraftVillageViewSet(SnippetViewSet):
    model = CraftVillage
    icon = "group"
    list_display = ["name", "commune", "district", "recognition_year", "is_traditional"]
    list_filter = ["district", "is_traditional"]
    search_fields = ["name", "commune"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "folder-open-inverse"
    items = (CategoryViewSet, DistrictViewSet, CraftVillageViewSet)


register_snippet(TaxonomyViewSetGroup)
