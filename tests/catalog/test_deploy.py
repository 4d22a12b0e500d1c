"""The production recipe, run: the rendered units' gunicorn with the rendered environment file
(production settings, a copy of the migrated test database, temporary static and media
folders) behind Debian's nginx with the rendered site, both on loopback ports. An image
uploaded through the admin is served at its URL and as a rendition, static files and pages
answer, and the request id crosses nginx into the app's JSON logs.

Without nginx the test skips outside CI and fails in CI (.ci/run installs it)."""

import configparser
import getpass
import io
import json
import os
import re
import shlex
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
import requests
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from PIL import Image

from catalog.base.management.commands.render_deploy import find_nginx

# The test database must exist for the stack to copy it; the tests themselves use none.
pytestmark = pytest.mark.django_db
PASSWORD = "deploy-test-Pa55word"
SETUP = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.core.management import call_command
call_command("collectstatic", interactive=False, verbosity=0)
get_user_model().objects.create_superuser("admin", "admin@example.org", {password!r})
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_env_file(path):
    """KEY=VALUE lines of an environment file, as systemd's EnvironmentFile= reads them."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key: value for key, value in pairs if not key.startswith("#")}


def exec_start(unit_path):
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.read(unit_path)
    return shlex.split(unit["Service"]["ExecStart"]), unit["Service"]["WorkingDirectory"]


def wait_for(url, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args[0]} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {seconds} s")


class Browser:
    """Requests through nginx, keeping the cookies by hand: production marks the session and
    CSRF cookies Secure, which a client keeps to HTTPS, and the test talks plain HTTP to
    nginx on loopback (TLS is certbot's part)."""

    def __init__(self, base):
        self.base, self.cookies = base, {}

    def request(self, method, path, **kwargs):
        response = requests.request(
            method, self.base + path, cookies=self.cookies, timeout=60, allow_redirects=False,
            **kwargs,
        )  # fmt: skip
        self.cookies.update(response.cookies.get_dict())
        return response


@pytest.fixture(scope="module")
def stack(tmp_path_factory, django_db_setup, django_db_blocker):
    nginx = find_nginx()
    if not nginx:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing in CI: .ci/run installs Debian's nginx package")
        pytest.skip("nginx is not installed (apt-get install nginx); CI runs this test")
    if connection.vendor != "sqlite":
        pytest.skip("serves a copy of the SQLite test database; it runs in the SQLite pass")
    tmp = tmp_path_factory.mktemp("deploy")
    database = tmp / "db.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        with sqlite3.connect(database) as copy:
            connection.connection.backup(copy)
    app_port, nginx_port = free_port(), free_port()
    target = tmp / "rendered"
    call_command(
        "render_deploy", target, check=True, domain="127.0.0.1", user=getpass.getuser(),
        app_port=app_port, listen=f"127.0.0.1:{nginx_port}", workers=1, log_dir=str(tmp),
        env_file=str(target / "catalog.env"), static_root=str(tmp / "static"),
        media_root=str(tmp / "media"), stdout=io.StringIO(),
    )  # fmt: skip
    env = {
        **os.environ,
        **read_env_file(target / "catalog.env"),
        "DATABASE_URL": "",
        "SQLITE_PATH": str(database),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "LOG_FORMAT": "json",
    }
    # collectstatic before gunicorn starts: the workers read the manifest once, at start.
    subprocess.run(
        [sys.executable, "-c", SETUP.format(password=PASSWORD)],
        cwd=settings.BASE_DIR, env=env, check=True, timeout=180,
    )  # fmt: skip
    command, workdir = exec_start(target / "catalog-web.service")
    app_log = (tmp / "gunicorn.log").open("w")
    app = subprocess.Popen(command, cwd=workdir, env=env, stderr=app_log)
    server = subprocess.Popen(
        [nginx, "-p", str(target / "check"), "-e", str(target / "check" / "error.log"),
         "-c", str(target / "check" / "nginx.conf"), "-g", "daemon off;"],
    )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{app_port}/healthz", app)
        wait_for(f"http://127.0.0.1:{nginx_port}/healthz", server)
        yield {
            "url": f"http://127.0.0.1:{nginx_port}",
            "tmp": tmp,
            "database": database,
            "env": env,
        }
    finally:
        for process in (server, app):
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        app_log.close()


@pytest.fixture(scope="module")
def admin(stack):
    """A session logged in through nginx with the superuser's password."""
    browser = Browser(stack["url"])
    login = browser.request("GET", "/admin/login/")
    response = browser.request(
        "POST",
        "/admin/login/",
        data={"username": "admin", "password": PASSWORD, "csrfmiddlewaretoken": csrf(login)},
    )
    assert response.status_code == 302, response.text[:500]
    return browser


def csrf(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1]


def png(width=640, height=480):
    data = io.BytesIO()
    Image.new("RGB", (width, height), (180, 90, 30)).save(data, "PNG")
    return data.getvalue()


def query(database, sql):
    with sqlite3.connect(database) as db:
        return [row[0] for row in db.execute(sql)]


def test_an_image_uploaded_through_the_admin_is_served(stack, admin):
    url = stack["url"]
    form = admin.request("GET", "/admin/images/add/")
    # Into the centre's own (root) collection: the form asks once producers have theirs.
    [root] = query(stack["database"], "SELECT id FROM wagtailcore_collection WHERE depth = 1")
    response = admin.request(
        "POST",
        "/admin/images/add/",
        data={"title": "Mỳ Chũ", "csrfmiddlewaretoken": csrf(form), "tags": "", "collection": root},
        files={"file": ("my-chu.png", png(), "image/png")},
    )
    assert response.status_code == 302, response.text[:2000]
    [original] = query(
        stack["database"], "SELECT file FROM wagtailimages_image WHERE title = 'Mỳ Chũ'"
    )
    served = requests.get(f"{url}/media/{original}", timeout=10)
    assert served.status_code == 200
    assert served.headers["Content-Type"] == "image/png"
    assert served.headers["Server"].startswith("nginx")
    assert served.content == png()
    # The app said yes (the centre's image is public) and nginx sent the file from disk.
    assert "X-Accel-Redirect" not in served.headers
    assert served.headers["Cache-Control"] == "public, max-age=86400"
    assert int(served.headers["Content-Length"]) == len(png())

    # The admin's listing makes its thumbnails (renditions) in gunicorn; nginx serves them.
    assert admin.request("GET", "/admin/images/").status_code == 200
    [rendition] = query(
        stack["database"],
        "SELECT r.file FROM wagtailimages_rendition r JOIN wagtailimages_image i"
        " ON r.image_id = i.id WHERE i.title = 'Mỳ Chũ' AND r.filter_spec LIKE 'max-165x165%'",
    )
    thumbnail = requests.get(f"{url}/media/{rendition}", timeout=10)
    assert thumbnail.status_code == 200
    assert thumbnail.headers["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(thumbnail.content)).size[0] <= 165


def test_static_files_pages_and_probes_answer(stack):
    url = stack["url"]
    home = requests.get(f"{url}/", timeout=30)
    assert home.status_code == 200
    assert "text/html" in home.headers["Content-Type"]
    login = requests.get(f"{url}/admin/login/", timeout=30)
    css = re.search(r'href="(/static/[^"]+\.css)"', login.text)[1]
    assert re.search(r"\.[0-9a-f]{12}\.css$", css), "collectstatic's hashed name"
    sheet = requests.get(f"{url}{css}", timeout=10)
    assert sheet.status_code == 200
    assert sheet.headers["Content-Type"] == "text/css"
    assert sheet.headers["Server"].startswith("nginx")
    assert "immutable" in sheet.headers["Cache-Control"]
    assert requests.get(f"{url}/healthz", timeout=10).text == "ok"
    ready = requests.get(f"{url}/readyz", timeout=30)
    assert ready.status_code == 200
    assert ready.json()["database"] == "ok"


PRODUCER_FILES = """
import django
django.setup()
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from products.producer_access import ensure_team
from tests.factories import ImageFactory, ProducerPageFactory
team = ensure_team(ProducerPageFactory(title="Mây tre Tăng Tiến", slug="may-tre"))
image = ImageFactory(title="Ảnh riêng", collection=team.collection)
document = get_document_model().objects.create(
    title="Riêng", collection=team.collection, file=ContentFile(b"%PDF-1.4 B", name="b.pdf")
)
public = get_document_model().objects.create(
    title="Quyết định", file=ContentFile(b"%PDF-1.4 centre", name="quyet-dinh.pdf")
)
print(image.file.name, image.get_rendition("fill-120x90").file.name, document.url, public.url,
      document.file.name)
"""


@pytest.fixture(scope="module")
def producer_files(stack):
    """A producer's unused image (with a rendition) and document, and a centre document."""
    made = subprocess.run(
        [sys.executable, "-c", PRODUCER_FILES], cwd=settings.BASE_DIR, env=stack["env"],
        check=True, timeout=120, capture_output=True, text=True,
    )  # fmt: skip
    return made.stdout.split()


def test_a_producers_unused_files_are_not_served(stack, producer_files):
    url = stack["url"]
    original, rendition, document, _public, stored = producer_files
    assert (stack["tmp"] / "media" / original).exists()
    for path in (f"/media/{original}", f"/media/{rendition}", document, f"/media/{stored}"):
        response = requests.get(url + path, timeout=10)
        assert response.status_code == 404, path
    # The internal location answers only nginx's own redirects.
    response = requests.get(f"{url}/internal-media/{original}", timeout=10)
    assert response.status_code == 404


def test_the_centres_documents_are_sent_by_nginx(stack, producer_files):
    response = requests.get(stack["url"] + producer_files[3], timeout=10)
    assert response.status_code == 200
    assert response.content == b"%PDF-1.4 centre"
    assert "quyet-dinh.pdf" in response.headers["Content-Disposition"]
    assert "X-Accel-Redirect" not in response.headers


def test_the_request_id_crosses_nginx_into_the_json_logs(stack):
    response = requests.get(
        f"{stack['url']}/khong-co-trang-nay/",
        headers={"X-Request-ID": "deploy-test-42"},
        timeout=30,
    )
    assert response.status_code == 404
    assert response.headers["X-Request-ID"] == "deploy-test-42"
    generated = requests.get(f"{stack['url']}/healthz", timeout=10).headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated), "nginx's own $request_id"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = (stack["tmp"] / "gunicorn.log").read_text().splitlines()
        entries = [json.loads(line) for line in lines if line.startswith("{")]
        if any(e["request_id"] == "deploy-test-42" for e in entries):
            break
        time.sleep(0.2)
    [entry] = [e for e in entries if e["request_id"] == "deploy-test-42"]
    assert entry["logger"] == "django.request"
    assert entry["status_code"] == 404
