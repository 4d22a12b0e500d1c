"""The admin form every page of the site is edited with."""

from wagtail.admin.forms import WagtailAdminPageForm

from .text import vietnamese_slug


class BasePageForm(WagtailAdminPageForm):
    """The slug may be left empty, and one the browser spelled lossily is replaced before
    Wagtail checks that it is free among the page's siblings (see clean_slug)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        from .models import clean_slug

        slug = self.cleaned_data.get("slug", "")
        title = self.cleaned_data.get("title", "")
        if "slug" in self.fields and "slug" not in self.errors:
            never_published = self.instance.first_published_at is None
            self.cleaned_data["slug"] = clean_slug(slug, title, never_published) or (
                vietnamese_slug(title, 255)
            )
        return super().clean()
