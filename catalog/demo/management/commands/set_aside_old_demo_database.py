"""`manage.py set_aside_old_demo_database`: run by `make demo` before `migrate`.

The apps were reorganised and start from fresh initial migrations, so a demo database made
before that (its history names the former `catalog` app) cannot be migrated. It holds only
sample data, so it is renamed, not deleted, and `migrate` then makes a new one.
"""

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connections

SUFFIX = ".old-layout"


def has_old_layout(path):
    """Whether the SQLite file at path was migrated with the former `catalog` app."""
    if not Path(path).is_file():
        return False
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "django_migrations" not in tables:
            return False
        query = "SELECT 1 FROM django_migrations WHERE app = 'catalog' LIMIT 1"
        return connection.execute(query).fetchone() is not None


class Command(BaseCommand):
    help = "Rename a demo SQLite database made before the apps were reorganised."

    def handle(self, *args, **options):
        connection = connections["default"]
        if connection.vendor != "sqlite":
            return
        path = Path(connection.settings_dict["NAME"])
        if not has_old_layout(path):
            return
        connection.close()
        aside = path.with_name(path.name + SUFFIX)
        path.replace(aside)
        self.stdout.write(
            f"{path.name} was made before the apps were reorganised and cannot be migrated; "
            f"it is kept as {aside.name} and a new demo database is made."
        )
