"""Who may fetch an uploaded file. The centre's images and documents are public. A
producer's file becomes public once something buyers see uses it (a live page, or a
trademark on the public register); before that only accounts with a permission on its
collection may fetch it, so a producer's unpublished pictures and papers stay theirs.

Documents go through Wagtail's own view (the `before_serve_document` hook); images through
`serve_image_file`, the only way to their files: in production nginx sends the file itself
once the app has said yes (X-Accel-Redirect, catalog/base/accel_redirect.py)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from .models import ProducerTeam, Trademark

# The permissions under which the admin's listings and choosers show a file.
SEEING = ["change", "delete", "choose"]
# How long a browser or proxy may keep a public file, and the headers of a private one.
PUBLIC_CACHE = "public, max-age=86400"
PRIVATE_CACHE = "private, no-store"


def visible_to(user, model):
    """The images or documents in collections the account holds a permission on."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, SEEING)


def used_publicly(obj):
    """Whether a live page or a public trademark refers to the image or document (pages'
    published content, as Wagtail's reference index records it)."""
    sources = ReferenceIndex.get_references_to(obj)
    users = (
        (Page.objects.live(), ContentType.objects.get_for_model(Page)),
        (Trademark.objects.public(), ContentType.objects.get_for_model(Trademark)),
    )
    for public, content_type in users:
        ids = sources.filter(base_content_type=content_type).values_list("object_id", flat=True)
        if public.filter(pk__in=[int(pk) for pk in ids]).exists():
            return True
    return False


def is_public(obj):
    """The centre's files always; a producer's once buyers can see something that uses it."""
    owned = ProducerTeam.objects.filter(collection_id=obj.collection_id).exists()
    return not owned or used_publicly(obj)


def may_see(user, obj):
    return user.is_authenticated and policy_registry.get_by_type(
        type(obj)
    ).user_has_any_permission_for_instance(user, SEEING, obj)


def refuse_private_document(document, request):
    """Wagtail's `before_serve_document` hook: a private document is not found."""
    if not (is_public(document) or may_see(request.user, document)):
        raise Http404


def image_of_file(name):
    """The image whose original or rendition is stored under this name, or None."""
    image_model = get_image_model()
    if name.startswith("original_images/"):
        return image_model.objects.filter(file=name).first()
    rendition = image_model.get_rendition_model().objects.filter(file=name).first()
    return rendition.image if rendition else None


@require_safe
def serve_image_file(request, name):
    """An image's original or rendition file, to whom it is public or visible."""
    image = image_of_file(name)
    if image is None:
        raise Http404
    public = is_public(image)
    if not public and not may_see(request.user, image):
        raise Http404
    # Wagtail's sendfile: the configured backend (nginx in production), else streamed here.
    backend = None if hasattr(settings, "SENDFILE_BACKEND") else sendfile_streaming_backend.sendfile
    response = sendfile(request, default_storage.path(name), backend=backend)
    response["Cache-Control"] = PUBLIC_CACHE if public else PRIVATE_CACHE
    return response
