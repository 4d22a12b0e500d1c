"""On PostgreSQL: the text search configuration Wagtail's admin search folds diacritics with
(catalog.base.search_backend). unaccent is one of PostgreSQL's own extensions (Debian's server
package ships it) and a trusted one, so the database's owner may create it. Nothing on SQLite.
Entries indexed before this migration keep their old words until `search_index rebuild`."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cnnt_folded') THEN
        CREATE TEXT SEARCH CONFIGURATION cnnt_folded (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION cnnt_folded
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END $$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS cnnt_folded;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("base", "0003_staff_may_change_navigation")]

    operations = [migrations.RunPython(create, drop)]
