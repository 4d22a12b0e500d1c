"""Production. Every secret and host comes from the environment:

DJANGO_SECRET_KEY       required, at least 50 random characters
DJANGO_ALLOWED_HOSTS    required, comma-separated host names
DATABASE_URL            PostgreSQL URL, e.g. postgres://user:pass@host/db (SQLite if unset)
DJANGO_CSRF_TRUSTED_ORIGINS  optional, comma-separated origins (https://example.org)
DJANGO_SECURE_SSL_REDIRECT   optional, "0" when TLS ends at a proxy that already redirects
DJANGO_TRUSTED_PROXY_COUNT   reverse proxies in front of the site that append to X-Forwarded-For
                        (default 0: none, the connection's address is the buyer's); set it to
                        1 behind the one that ends TLS. The inquiry limits read buyers'
                        addresses behind them; a count too high lets a client forge its own
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, DEFAULT_FROM_EMAIL  SMTP
EMAIL_TIMEOUT           seconds before a hanging SMTP connection fails (default 10)
WAGTAILADMIN_BASE_URL   public base URL used in admin e-mails
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_list

if len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to at least 50 random characters.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names.")

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
