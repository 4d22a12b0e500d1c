"""Indexes on the file names of images and renditions: every image request looks its file up
by name (products/public_files.py), and Wagtail's tables have no index on those columns."""

from django.db import migrations

INDEXES = [
    ("base_image_file", "wagtailimages_image"),
    ("base_rendition_file", "wagtailimages_rendition"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0004_folded_text_search"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} (file)",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table in INDEXES
    ]
