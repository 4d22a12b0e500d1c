"""Wagtail's own admin strings that its Vietnamese catalog leaves in English, on the screens
producers and editors meet every day (dashboard panels, the submit action). Named here so
that `makemessages` keeps them in the project's catalog, whose translations win over
Wagtail's (LOCALE_PATHS come first). The notification e-mails' strings come from the copies
in templates/wagtailadmin/notifications/."""

from django.utils.translation import gettext_noop

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
)
