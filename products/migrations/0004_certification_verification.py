"""Verification codes, revocation and the last-changed time of certifications.

The code column is added empty, filled with one random code per existing row, and only then
made unique: a callable default on AddField would give every existing row the same code."""

from django.db import migrations, models

import products.recognition


def fill_codes(apps, schema_editor):
    Certification = apps.get_model("products", "Certification")
    used = set()
    for certification in Certification.objects.select_related("product").order_by("pk"):
        code = products.recognition.new_code()
        while code in used:
            code = products.recognition.new_code()
        used.add(code)
        certification.code = code
        certification.changed_at = certification.product.last_published_at
        certification.save(update_fields=["code", "changed_at"])


class Migration(migrations.Migration):
    dependencies = [("products", "0003_import_job")]

    operations = [
        migrations.AddField(
            model_name="certification",
            name="code",
            field=models.CharField(max_length=16, null=True, editable=False),
        ),
        migrations.AddField(
            model_name="certification",
            name="changed_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last changed"),
        ),
        migrations.AddField(
            model_name="certification",
            name="revoked_on",
            field=models.DateField(
                blank=True,
                help_text="Set only when the recognition is withdrawn; the record stays in the history.",
                null=True,
                verbose_name="revoked on",
            ),
        ),
        migrations.AddField(
            model_name="certification",
            name="revocation_reason",
            field=models.TextField(blank=True, verbose_name="reason for revocation"),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="certification",
            name="code",
            field=models.CharField(
                default=products.recognition.new_code,
                editable=False,
                help_text="The random code of the public verification page and its QR code.",
                max_length=16,
                unique=True,
                verbose_name="verification code",
            ),
        ),
    ]
