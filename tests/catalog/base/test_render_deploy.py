"""The recipe renders from the environment and leaves out no variable the settings read."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

SETTINGS = Path(settings.BASE_DIR) / "catalog" / "settings"
READ = re.compile(r"""(?:os\.environ\.get\(|os\.environ\[|env_list\()["']([A-Z_]+)["']""")


def variables_read():
    names = set()
    for name in ("base.py", "production.py"):
        names.update(READ.findall((SETTINGS / name).read_text(encoding="utf-8")))
    return names


def test_the_environment_file_and_the_readme_name_every_variable(tmp_path):
    call_command("render_deploy", tmp_path, stdout=io.StringIO())
    env_file = (tmp_path / "catalog.env").read_text()
    listed = set(re.findall(r"^#?([A-Z_]+)=", env_file, re.MULTILINE))
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "STATIC_ROOT", "LOG_FORMAT"} <= variables_read()
    assert variables_read() - listed == set()
    assert {name for name in variables_read() if f"`{name}`" not in readme} == set()
    assert (tmp_path / "catalog.env").stat().st_mode & 0o077 == 0


def test_the_files_are_rendered_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DEPLOY_DOMAIN", "sanpham.example.vn")
    monkeypatch.setenv("DEPLOY_APP_PORT", "8123")
    monkeypatch.setenv("DEPLOY_USER", "khuyencong")
    call_command(
        "render_deploy", tmp_path, static_root="/srv/x/static", media_root="/srv/x/media",
        stdout=io.StringIO(),
    )  # fmt: skip
    site = (tmp_path / "catalog.nginx").read_text()
    assert "server_name sanpham.example.vn;" in site
    assert "server 127.0.0.1:8123;" in site
    assert "alias /srv/x/media/;" in site
    limit = max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    [megabytes] = re.findall(r"client_max_body_size (\d+)m;", site)
    assert int(megabytes) * 1024 * 1024 > limit
    web = (tmp_path / "catalog-web.service").read_text()
    assert "User=khuyencong" in web
    assert "--bind 127.0.0.1:8123" in web
    assert "manage.py db_worker" in (tmp_path / "catalog-worker.service").read_text()
    env_file = (tmp_path / "catalog.env").read_text()
    assert "DJANGO_ALLOWED_HOSTS=sanpham.example.vn" in env_file
    assert "MEDIA_ROOT=/srv/x/media" in env_file
    assert len(re.search(r"^DJANGO_SECRET_KEY=(.*)$", env_file, re.MULTILINE)[1]) >= 50
