"""A site with no name gets the catalog's: the admin's dashboard and its e-mails show the
site's name, and the first migration left it blank ("localhost" meant nothing to producers)."""

from django.conf import settings
from django.db import migrations
from django.db.models import Q


def forwards(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Site.objects.filter(Q(site_name="") | Q(site_name__isnull=True)).update(
        site_name=settings.WAGTAIL_SITE_NAME
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
