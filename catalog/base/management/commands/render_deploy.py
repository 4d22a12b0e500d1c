"""Renders the production recipe (catalog/deploy/: systemd units, the nginx site, the
environment file) for one server into a folder, and with --check checks what it wrote:
`nginx -t` on the site inside a whole nginx.conf of its own, and `systemd-analyze verify` on
the units (a parse check where systemd is absent). README, "Production", uses it."""

import configparser
import getpass
import math
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.core.management.utils import get_random_secret_key
from django.template import Context, Engine

TEMPLATES = Path(settings.BASE_DIR) / "catalog" / "deploy"
FILES = ["catalog-web.service", "catalog-worker.service", "catalog.nginx", "catalog.env"]
UNITS = [name for name in FILES if name.endswith(".service")]
MB = 1024 * 1024
FORM_ROOM_MB = 1  # the multipart form around the largest file: title, tags, CSRF token
# nginx's internal location for the media folder, named in the site and the environment file.
ACCEL_URL = "/internal-media/"


def upload_limit_mb():
    """The largest upload the admin accepts, in whole megabytes."""
    largest = max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    return math.ceil(largest / MB)


def secret_key():
    """The environment's DJANGO_SECRET_KEY when it is one fit for production, else a new one."""
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    return key if len(key) >= 50 else get_random_secret_key()


def find_nginx():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
    )


class Command(BaseCommand):
    help = "Render the systemd units, the nginx site and the environment file into a folder."

    def add_arguments(self, parser):
        env = os.environ.get
        parser.add_argument("target", type=Path, help="folder to write the files into")
        parser.add_argument("--domain", default=env("DEPLOY_DOMAIN", "catalog.example.org"))
        parser.add_argument("--user", default=env("DEPLOY_USER", "cnnt"), help="Unix user")
        parser.add_argument(
            "--app-dir", default=env("DEPLOY_APP_DIR", str(settings.BASE_DIR)), help="checkout"
        )
        parser.add_argument("--env-file", default=env("DEPLOY_ENV_FILE", "/etc/cnnt/catalog.env"))
        parser.add_argument("--app-port", type=int, default=int(env("DEPLOY_APP_PORT", "8001")))
        parser.add_argument(
            "--listen",
            default=env("DEPLOY_LISTEN", "80 [::]:80"),
            help="nginx's listen addresses, space-separated",
        )
        parser.add_argument("--workers", type=int, default=int(env("DEPLOY_WORKERS", "3")))
        parser.add_argument("--log-dir", default=env("DEPLOY_LOG_DIR", "/var/log/nginx"))
        parser.add_argument("--static-root", default=str(settings.STATIC_ROOT))
        parser.add_argument("--media-root", default=str(settings.MEDIA_ROOT))
        parser.add_argument("--check", action="store_true", help="check the rendered files")

    def handle(self, *args, **options):
        target = options["target"].resolve()
        target.mkdir(parents=True, exist_ok=True)
        context = {
            **{key: value for key, value in options.items() if isinstance(value, str | int)},
            "listen": options["listen"].split(),
            "static_root": str(options["static_root"]).rstrip("/"),
            "media_root": str(options["media_root"]).rstrip("/"),
            "static_url": settings.STATIC_URL,
            "media_url": settings.MEDIA_URL,
            "accel_url": ACCEL_URL,
            "upload_limit_mb": upload_limit_mb(),
            "client_max_body_size": f"{upload_limit_mb() + FORM_ROOM_MB}m",
            "secret_key": secret_key(),
            "target": target,
            "check_dir": target / "check",
            "nginx_user": getpass.getuser(),
        }
        engine = Engine(dirs=[str(TEMPLATES)], autoescape=False)
        names = FILES + (["nginx-check.conf"] if options["check"] else [])
        for name in names:
            text = engine.get_template(name).render(Context(context))
            path = target / ("check/nginx.conf" if name == "nginx-check.conf" else name)
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (target / "catalog.env").chmod(0o600)
        self.stdout.write(f"Rendered {', '.join(FILES)} into {target}")
        if options["check"]:
            self.check_nginx(target)
            self.check_units(target)

    def check_nginx(self, target):
        nginx = find_nginx()
        if not nginx:
            raise CommandError("nginx is not installed: apt-get install nginx")
        check_dir = target / "check"
        done = subprocess.run(  # noqa: S603 (the programs and paths are ours)
            [nginx, "-t", "-p", str(check_dir), "-e", str(check_dir / "error.log"),
             "-c", str(check_dir / "nginx.conf")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:
            raise CommandError(f"nginx -t failed:\n{done.stderr}")
        self.stdout.write("nginx -t: the site's configuration is valid")

    def check_units(self, target):
        paths = [str(target / name) for name in UNITS]
        verify = shutil.which("systemd-analyze")
        if not verify:
            for path in paths:
                parse_unit(path)
            self.stdout.write("systemd units parse (systemd-analyze is not installed)")
            return
        done = subprocess.run(  # noqa: S603
            [verify, "verify", *paths], capture_output=True, text=True, check=False
        )
        complaints = [
            line
            for line in (done.stdout + done.stderr).splitlines()
            if any(name in line for name in UNITS)
        ]
        if done.returncode or complaints:
            raise CommandError("systemd-analyze verify:\n" + (done.stdout + done.stderr))
        self.stdout.write("systemd-analyze verify: the units are valid")


def parse_unit(path):
    """Where systemd is absent: the unit parses and its ExecStart names an executable."""
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(path, encoding="utf-8")
    if not {"Unit", "Service", "Install"} <= set(unit.sections()):
        raise CommandError(f"{path}: needs [Unit], [Service] and [Install]")
    program = unit["Service"].get("ExecStart", "").split()[:1]
    if not program or not os.access(program[0], os.X_OK):
        raise CommandError(f"{path}: ExecStart is not an executable: {program}")
