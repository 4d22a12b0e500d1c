import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from catalog.demo.management.commands import demo_admin

pytestmark = pytest.mark.django_db


def test_demo_admin_gets_a_random_password_that_logs_in_and_is_kept(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(demo_admin, "PASSWORD_FILE", tmp_path / "password")
    call_command("demo_admin")
    first = (tmp_path / "password").read_text().strip()
    assert first in capsys.readouterr().out
    assert authenticate(username="admin", password=first).is_superuser
    call_command("demo_admin")  # running make demo again reuses the account
    assert (tmp_path / "password").read_text().strip() == first
    assert oct((tmp_path / "password").stat().st_mode & 0o777) == "0o600"


def test_no_password_is_baked_in(tmp_path, monkeypatch):
    passwords = set()
    for n in range(2):
        monkeypatch.setattr(demo_admin, "PASSWORD_FILE", tmp_path / f"password-{n}")
        call_command("demo_admin", username=f"admin{n}")
        passwords.add((tmp_path / f"password-{n}").read_text())
    assert len(passwords) == 2
