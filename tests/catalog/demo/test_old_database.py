"""A demo database from before the reorganisation is set aside, never migrated or lost."""

import sqlite3

import pytest
from django.core.management import call_command

from catalog.demo.management.commands.set_aside_old_demo_database import has_old_layout


def make_database(path, apps):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE django_migrations (app TEXT, name TEXT)")
        connection.executemany(
            "INSERT INTO django_migrations VALUES (?, '0001_initial')", [(a,) for a in apps]
        )


def test_the_former_catalog_app_marks_an_old_database(tmp_path):
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    make_database(old, ["wagtailcore", "catalog", "products"])
    make_database(new, ["wagtailcore", "base", "home", "products"])
    assert has_old_layout(old)
    assert not has_old_layout(new)
    assert not has_old_layout(tmp_path / "missing.sqlite3")
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert not has_old_layout(empty)


@pytest.mark.django_db
def test_the_command_leaves_the_current_database_alone(capsys):
    """On SQLite the test database is checked and kept; on PostgreSQL the command, which
    is about the demo's SQLite file only, does nothing."""
    call_command("set_aside_old_demo_database")
    assert capsys.readouterr().out == ""
