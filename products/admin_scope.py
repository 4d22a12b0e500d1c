"""The admin API's image and document endpoints, scoped to what the account may see.

Wagtail's own listings and choosers already ask the permission policies; its admin API does
not. Serving the files themselves is public_files.py's part."""

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .public_files import visible_to


class ScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        visible = visible_to(self.request.user, get_image_model())
        return super().get_queryset().filter(pk__in=visible.values("pk"))


class ScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        visible = visible_to(self.request.user, get_document_model())
        return super().get_queryset().filter(pk__in=visible.values("pk"))
