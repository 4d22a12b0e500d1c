"""Give the demo site an administrator without baking a password into the code: a random one
is generated on first use and kept in a file outside version control."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-admin-password"


class Command(BaseCommand):
    help = "Create the demo administrator if missing and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None or not PASSWORD_FILE.exists():
            password = secrets.token_urlsafe(12)
            user = user or User(username=username, email=f"{username}@example.invalid")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        password = PASSWORD_FILE.read_text().strip()
        self.stdout.write(
            f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  user: {username}  "
            f"password: {password}  (kept in {PASSWORD_FILE.name}; delete it to get a new one)"
        )
