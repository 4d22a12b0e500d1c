from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Trademark


class TrademarkViewSet(SnippetViewSet):
    model = Trademark
    icon = "pick"
    list_display = ["mark", "kind", "registration_number", "status", "owner"]
    list_filter = ["kind", "status"]
    search_fields = ["mark", "registration_number"]


register_snippet(TrademarkViewSet)
