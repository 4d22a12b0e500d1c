from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site's top: the home page, news, bulletins, the programme's results, feeds."""

    name = "catalog.home"
    label = "home"
    verbose_name = _("Home, news and bulletins")

    def ready(self):
        from . import seo  # noqa: F401 - registers its page descriptions
