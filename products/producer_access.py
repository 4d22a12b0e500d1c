"""Producer accounts: the roles the centre's staff hold, and inviting and removing producers.

The permission model, in Wagtail's own terms:

- A producer's accounts share one group, for that producer alone (`ProducerTeam`). The group
  has the page permissions `change_page` and `add_page` on the producer's page, which Wagtail
  applies to its subtree (the producer page and its products), and no `publish_page`.
- The group has its own collection with add, change and choose permissions for images and
  documents, so its choosers show that collection only.
- The group may enter the admin and view inquiries (only its own, see `visible_inquiries`).
- A workflow on the producers index page sends every submission to the centre's moderators.
- The centre's staff (Wagtail's Moderators and Editors groups) hold
  `products.manage_registration`: only they see and change legal form, district, craft
  village, trademark and certifications, and only they invite and remove producers.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from catalog.base.languages import pin_language, recipient_language
from products.models import ProducerIndexPage, ProducerPage

from .models import Inquiry, ProducerTeam
from .structure import ensure_sections

STAFF_GROUPS = ("Moderators", "Editors")
REVIEWER_GROUP = "Moderators"
# Vietnamese, as producers read them: the submit action says "Gửi <workflow>" and the
# dashboard "Đang chờ <task>". Editors may rename both; setup_roles finds them by the page.
WORKFLOW_NAME = "Trung tâm duyệt trang của cơ sở"
TASK_NAME = "Trung tâm xem xét thay đổi"

STAFF_PERMISSIONS = (
    "products.manage_registration",
    "products.view_inquiry",
    "products.change_inquiry",
    "products.delete_inquiry",
    "base.change_sitenavigation",
)
PRODUCER_PERMISSIONS = ("wagtailadmin.access_admin", "products.view_inquiry")
PRODUCER_PAGE_PERMISSIONS = ("wagtailcore.add_page", "wagtailcore.change_page")
PRODUCER_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def setup_roles():
    """Idempotent: the staff groups' permissions and the moderation workflow on the
    producers index page. Returns the workflow."""
    staff = []
    for name in STAFF_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(permission(p) for p in (*STAFF_PERMISSIONS, "wagtailadmin.access_admin"))
        )
        staff.append(group)
    reviewers = Group.objects.get(name=REVIEWER_GROUP)
    index = ensure_sections()[ProducerIndexPage]
    # The workflow already on the producers index is kept whatever an editor renamed it to.
    assigned = WorkflowPage.objects.filter(page=index).select_related("workflow").first()
    workflow = assigned.workflow if assigned else None
    if workflow is None:
        workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


# --- who is a producer, and what is theirs -------------------------------------------------


def producers_of(user):
    """The producer pages whose team the user belongs to."""
    if not user.is_authenticated:
        return ProducerPage.objects.none()
    return ProducerPage.objects.filter(team__group__user=user)


def is_producer_account(user):
    """A producer's account, as opposed to the centre's staff: scoped views apply to it."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and not user.has_perm("products.manage_registration")
        and producers_of(user).exists()
    )


def own_pages_q(user, prefix=""):
    """A Q on pages: the user's producers' subtrees."""
    q = Q(pk__in=[])
    for path in producers_of(user).values_list("path", flat=True):
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def own_pages(user):
    return Page.objects.filter(own_pages_q(user))


def visible_inquiries(user):
    """All inquiries for the centre's staff; a producer's own for a producer."""
    if user.is_superuser or user.has_perm("products.manage_registration"):
        return Inquiry.objects.all()
    return Inquiry.objects.filter(producer__in=producers_of(user))


# --- invitation and removal ----------------------------------------------------------------


@transaction.atomic
def ensure_team(producer):
    """The producer's group, page and collection permissions, created when missing."""
    setup_roles()
    team = ProducerTeam.objects.filter(producer=producer).first()
    if team is None:
        group, _created = Group.objects.get_or_create(
            name=f"{_('Producer')}: {producer.title} (#{producer.pk})"[:150]
        )
        team = ProducerTeam.objects.create(producer=producer, group=group)
    group = team.group
    group.permissions.add(*(permission(p) for p in PRODUCER_PERMISSIONS))
    for dotted in PRODUCER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=producer, permission=permission(dotted)
        )
    if team.collection is None:
        root = Collection.get_first_root_node()
        team.collection = root.add_child(name=f"{producer.title} (#{producer.pk})"[:255])
        team.save(update_fields=["collection"])
    for dotted in PRODUCER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=team.collection, permission=permission(dotted)
        )
    return team


def password_link(user):
    """A one-time link to set a password: Wagtail's reset confirmation with Django's token,
    which stops working once the password is set (the token hashes the password)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invite(producer, email, first_name="", last_name=""):
    """Create or link the account for `email`, put it in the producer's group and have the
    worker e-mail it a link to set its password. Returns (user, created, link)."""
    User = get_user_model()
    email = User.objects.normalize_email(email).strip()
    with transaction.atomic():
        team = ensure_team(producer)
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User(
                username=email[:150], email=email, first_name=first_name, last_name=last_name
            )
            user.set_unusable_password()
            user.save()
        elif not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        user.groups.add(team.group)
        language = pin_language(user)
    send_invitation.enqueue(user.pk, producer.pk, language)
    return user, created, password_link(user)


@task()
def send_invitation(user_id, producer_id, language=settings.LANGUAGE_CODE):
    """The invitation e-mail, sent by the worker so that inviting never waits on SMTP. Its
    link is made when it is sent; any link made earlier for the account works as well."""
    user = get_user_model().objects.get(pk=user_id)
    producer = ProducerPage.objects.get(pk=producer_id)
    context = {"user": user, "producer": producer, "link": password_link(user)}
    with translation.override(recipient_language(user) or language):
        send_mail(
            _("Your account for %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
            render_to_string("products/email/producer_invitation.txt", context),
            None,
            [user.email],
        )


@transaction.atomic
def revoke(producer, user=None):
    """Remove one account (or all) from the producer's group. An account left in no group
    is deactivated, so it can no longer sign in. Returns the accounts removed."""
    team = ProducerTeam.objects.filter(producer=producer).first()
    if team is None:
        return []
    members = list(team.group.user_set.all())
    if user is not None:
        members = [m for m in members if m.pk == user.pk]
    for member in members:
        member.groups.remove(team.group)
        if not member.is_superuser and not member.groups.exists():
            member.is_active = False
            member.save(update_fields=["is_active"])
    return members
