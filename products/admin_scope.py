"""What an account may see of the images, documents and pages it has no permission on.

Wagtail's own listings and choosers already ask the permission policies; these are the
places that do not: the admin API's image and document endpoints, and the public serving of
document files."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from .models import ProducerTeam

# The listing shows what the account may change or delete, the chooser what it may choose.
SEEING = ["change", "delete", "choose"]


def visible_to(user, model):
    """The images or documents in collections the account holds a permission on."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, SEEING)


class ScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        visible = visible_to(self.request.user, get_image_model())
        return super().get_queryset().filter(pk__in=visible.values("pk"))


class ScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        visible = visible_to(self.request.user, get_document_model())
        return super().get_queryset().filter(pk__in=visible.values("pk"))


def used_on_a_live_page(document):
    """Whether a live page refers to the document (its published content: the page's own row
    and inline objects, as Wagtail's reference index records them)."""
    pages = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = [int(pk) for pk in pages.values_list("object_id", flat=True)]
    return Page.objects.live().filter(pk__in=ids).exists()


def may_serve_document(document, user):
    """The centre's documents are public. A producer's document is public once a live page
    uses it; before that only accounts with a permission on its collection may fetch it."""
    if not ProducerTeam.objects.filter(collection_id=document.collection_id).exists():
        return True
    if user.is_authenticated and policy_registry.get_by_type(
        type(document)
    ).user_has_any_permission_for_instance(user, SEEING, document):
        return True
    return used_on_a_live_page(document)


def refuse_unpublished_producer_document(document, request):
    if not may_serve_document(document, request.user):
        raise Http404
