"""Wagtail's own admin strings that its Vietnamese catalog leaves in English, on the screens
producers and editors meet every day (dashboard panels, the submit action, the editor's tabs,
images, documents, the account page). Named here so that `makemessages` keeps them in the
project's catalog, whose translations win over Wagtail's (LOCALE_PATHS come first)."""

from django.utils.translation import gettext_noop, ngettext_lazy

WAGTAIL_STRINGS = (
    gettext_noop("Submit to %(workflow_name)s"),
    gettext_noop("Awaiting"),
    gettext_noop("Actions"),
    gettext_noop("Changes requested at"),
    gettext_noop("Locked at"),
    gettext_noop("Task"),
    gettext_noop("Task started"),
    gettext_noop("Your locked pages"),
    gettext_noop("Your most recent edits"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Awaiting your review"),
    gettext_noop("Privacy and access"),
    # Met by producers on their dashboard, edit pages, images, documents and account.
    gettext_noop("Documents"),
    gettext_noop("Help"),
    gettext_noop("Skip to main content"),
    gettext_noop("Site summary"),
    gettext_noop("Content"),
    gettext_noop("Promote"),
    gettext_noop("The page title as you'd like it to be seen by the public"),
    gettext_noop("Save draft"),
    gettext_noop("More actions"),
    gettext_noop("Live version"),
    gettext_noop("Created"),
    gettext_noop("Add an image"),
    gettext_noop("Newest"),
    gettext_noop("Oldest"),
    gettext_noop("Add images"),
    gettext_noop("Add documents"),
    gettext_noop("Drag and drop images into this area to upload immediately."),
    gettext_noop("Drag and drop documents into this area to upload immediately."),
    gettext_noop("Or choose from your computer"),
    gettext_noop("Profile"),
    gettext_noop("Notifications"),
    gettext_noop("Name and Email"),
    gettext_noop("Profile picture"),
    gettext_noop("Theme preferences"),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("A comma-separated list of tags."),
    gettext_noop("Search all pages…"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
    gettext_noop("Reports"),
    gettext_noop("Request changes"),
    gettext_noop(
        'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
    ),
    gettext_noop("Upload a profile picture:"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("System default"),
    gettext_noop("Light"),
    gettext_noop("Dark"),
    gettext_noop("More contrast"),
    gettext_noop("Snug"),
    gettext_noop("Title: (A -> Z)"),
    gettext_noop("Title: (Z -> A)"),
    gettext_noop("File size: (low to high)"),
    gettext_noop("File size: (high to low)"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("page"),
    gettext_noop("pages"),
    gettext_noop("Change document:"),
    gettext_noop("Change image file:"),
    gettext_noop("Choose %(object)s"),
    gettext_noop("Current page status:"),
    gettext_noop("Editing %(page_type)s"),
    gettext_noop("Editing %(task_type)s"),
    gettext_noop("Filesize"),
    gettext_noop("Focal point"),
    gettext_noop("Image focal point"),
    gettext_noop("Max dimensions"),
    gettext_noop("Maximum"),
    gettext_noop("Minimum"),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("Move %(title)s"),
    gettext_noop("Other searches"),
    gettext_noop("Page title"),
    gettext_noop("Page type"),
    gettext_noop("Page types"),
    gettext_noop("Remove focal area"),
    gettext_noop("Search…"),
    gettext_noop("Supported formats: %(supported_formats)s."),
    gettext_noop(
        "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."
    ),
    gettext_noop("System"),
    gettext_noop("system"),
    gettext_noop("To define this image's most important region, drag a box over the image above."),
    gettext_noop("Type"),
    gettext_noop("Updated"),
    gettext_noop("Usage"),
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Use server time zone"),
    gettext_noop("admin theme"),
    gettext_noop("just now"),
    gettext_noop("live"),
    gettext_noop("page log entries"),
    gettext_noop("Latest images"),
    gettext_noop("Layout"),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("In Moderation"),
    gettext_noop("in moderation"),
    gettext_noop("live + in moderation"),
    gettext_noop("View draft"),
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Can view"),
    gettext_noop("First published"),
    gettext_noop("Locking: "),
    gettext_noop("No publishing schedule set"),
    gettext_noop("Once live anyone can view"),
    gettext_noop("Page visibility: "),
    gettext_noop("Side panel width"),
    gettext_noop("Status: "),
    gettext_noop("View history"),
    gettext_noop("Visible to all"),
    gettext_noop("Exploring"),
    gettext_noop("%(time_period)s ago"),
)

WAGTAIL_COUNTS = (
    ngettext_lazy("%(count)s document", "%(count)s documents", 1),
    ngettext_lazy("%(count)s image", "%(count)s images", 1),
    ngettext_lazy("1 page", "%(counter)s pages", 1),
    ngettext_lazy("%(num_pages)d page", "%(num_pages)d pages", 1),
    ngettext_lazy("%(num_parent_objects)d page", "%(num_parent_objects)d pages", 1),
    ngettext_lazy("There is one matching page", "There are %(counter)s matching pages", 1),
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times", 1),
)

# The moderation e-mails (wagtailadmin/notifications/*): pages submitted, approved, rejected.
NOTIFICATION_STRINGS = (
    gettext_noop("Hello %(username)s,"),
    gettext_noop("Edit your notification preferences here:"),
    gettext_noop('The page "%(title)s" has been approved in moderation stage "%(task)s".'),
    gettext_noop("You can edit the page here:"),
    gettext_noop('The page "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The page "%(title)s" has been rejected in moderation stage "%(task)s".'),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop("You can preview the page here:"),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop("You can view the page here:"),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" '
        "by %(rejector)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop('The following comment was left: "%(comment)s"'),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" '
        "by %(requester)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
)
