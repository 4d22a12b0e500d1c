"""Admin panels and the page form that keep registration data in the centre's hands.

Producers edit their own pages inside the CMS. What the centre records about them (legal
form, district, trademark, certifications) is hidden from them by panel permissions, and the
page form below makes the server ignore it too: hidden fields and formsets are removed from
the form, and on save the values are taken back from the page's latest revision, so neither
a hand-made POST nor reverting to an old revision can change them.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel

from catalog.base.forms import BasePageForm

# Defined on products.Certification (the centre grants certifications); referenced by name here
# so that catalog keeps importing nothing from products.
REGISTRATION_PERMISSION = "products.manage_registration"


def may_manage_registration(user):
    return (
        bool(user)
        and not isinstance(user, AnonymousUser)
        and user.has_perm(REGISTRATION_PERMISSION)
    )


class PermissionedInlinePanel(InlinePanel):
    """An InlinePanel that honours `permission=`: without it the panel is not shown, and the
    page form (`RegistrationGuardedPageForm`) drops its formset."""

    def __init__(self, *args, permission=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "permission": self.permission}

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, panel, instance, request, form, prefix):
            if form is not None and panel.relation_name not in form.formsets:
                form = None
            super().__init__(
                panel=panel, instance=instance, request=request, form=form, prefix=prefix
            )

        def is_shown(self):
            if self.form is None:
                return False
            if self.panel.permission and not self.request.user.has_perm(self.panel.permission):
                return False
            return super().is_shown()


class RegistrationGuardedPageForm(BasePageForm):
    """The admin form of pages that hold registration data. The page model lists the guarded
    parts in `registration_fields` (model fields) and `registration_relations` (child
    relations edited through inline panels)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.guarded:
            return
        for name in self.registration_fields:
            self.fields.pop(name, None)
        for name in self.registration_relations:
            self.formsets.pop(name, None)

    @property
    def registration_fields(self):
        return getattr(self._meta.model, "registration_fields", ())

    @property
    def registration_relations(self):
        return getattr(self._meta.model, "registration_relations", ())

    @property
    def guarded(self):
        """Programmatic use (no user) is trusted; a signed-in user needs the permission."""
        return self.for_user is not None and not may_manage_registration(self.for_user)

    def clean(self):
        cleaned_data = super().clean()
        if self.guarded:
            self.check_media_choices()
        return cleaned_data

    def check_media_choices(self):
        """A producer picks images and documents from its own collection only, even when a
        hand-made POST names another's by id. What the page already uses may stay."""
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.permissions import policy_registry

        policies = {
            model: policy_registry.get_by_type(model)
            for model in (get_image_model(), get_document_model())
        }
        forms = [(self, self.instance)]
        for formset in self.formsets.values():
            forms += [(form, form.instance) for form in formset.forms]
        for form, instance in forms:
            for name, value in list(getattr(form, "cleaned_data", {}).items()):
                policy = policies.get(type(value))
                if policy is None or self.already_used(instance, name, value):
                    continue
                allowed = policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
                if not allowed.filter(pk=value.pk).exists():
                    form.add_error(name, _("Choose from your own collection."))

    def already_used(self, instance, name, value):
        """Whether the stored page (or child record) already points at this item."""
        if not instance.pk:
            return False
        stored = type(instance)._default_manager.filter(pk=instance.pk).first()
        return stored is not None and getattr(stored, f"{name}_id", None) == value.pk

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.guarded:
            self.restore_registration(page)
        if commit:
            page.save()
        return page

    def restore_registration(self, page):
        """Put back the registration data of the page as the centre last left it: from the
        latest revision of an existing page (not from the revision being reverted to), or
        the defaults for a new one."""
        current = None
        if page.pk:
            stored = type(page).objects.filter(pk=page.pk).first()
            current = stored.get_latest_revision_as_object() if stored else None
        for name in self.registration_fields:
            field = page._meta.get_field(name)
            value = getattr(current, field.attname) if current else field.get_default()
            setattr(page, field.attname, value)
        for name in self.registration_relations:
            setattr(page, name, list(getattr(current, name).all()) if current else [])
