"""The moderation workflow and its task get Vietnamese names: producers read them in their
submit button and dashboard. Only the names the code gave them are changed; a name an editor
chose stays."""

from django.db import migrations

RENAMES = {
    "workflow": ("Producer showcase review", "Trung tâm duyệt trang của cơ sở"),
    "task": ("Centre review of producer changes", "Trung tâm xem xét thay đổi"),
}


def rename(apps, old_index, new_index):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for model, key in ((Workflow, "workflow"), (Task, "task")):
        names = RENAMES[key]
        model.objects.filter(name=names[old_index]).update(name=names[new_index])


def forwards(apps, schema_editor):
    rename(apps, 0, 1)


def backwards(apps, schema_editor):
    rename(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [("products", "0001_initial"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(forwards, backwards)]
