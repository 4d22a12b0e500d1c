"""The centre's staff groups may change the navigation settings."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_GROUPS = ("Moderators", "Editors")


def forwards(apps, schema_editor):
    base = apps.get_app_config("base")
    base.models_module = True  # create_permissions skips apps without models modules
    create_permissions(base, apps=apps, verbosity=0)
    base.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="base", codename="change_sitenavigation"
    )
    for group in Group.objects.filter(name__in=STAFF_GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0002_site_navigation"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
