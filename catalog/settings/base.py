"""Settings shared by every environment. Secure by default: no debug, no built-in secret."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

# The shell, the catalog's domain, fairs and search, then the site's top and the demo above
# them: each app imports only those listed before it.
INSTALLED_APPS = [
    "catalog.base",
    "products",
    "fairs",
    "search",
    "catalog.home",
    "catalog.demo",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ninja",  # serves the API docs' assets locally instead of from a CDN
]

MIDDLEWARE = [
    # The request id first, so every record below carries it; then the load balancer's probes,
    # answered before the HTTPS redirect and ALLOWED_HOSTS (catalog/health.py says why).
    "catalog.base.logs.RequestIdMiddleware",
    "catalog.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "catalog.base.busy.DatabaseBusyMiddleware",
    "catalog.base.middleware.CSPMiddleware",
    "catalog.base.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "catalog.base.viewer.ViewerMiddleware",
    # Producer accounts never reach the centre's admin pages (reports, workflows, settings).
    "products.admin_menu.CentreOnlyAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Content-Security-Policy (django-csp): the site, the Wagtail admin and the API docs load
# everything from this origin, with no inline script or style; the browser tests in
# tests/browser/test_security_headers.py prove each page works under it. Why each directive:
# README, "Security headers".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# The Wagtail admin (everything under /admin/) cannot run without inline scripts and styles:
# its choosers, inline panels and date fields render <script> blocks, and Draftail inserts
# <style> elements; the browser test lists them. Only there are they allowed.
ADMIN_CONTENT_SECURITY_POLICY_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
}
# Browser features no page of the site uses (catalog.base.middleware).
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

ROOT_URLCONF = "catalog.urls"
WSGI_APPLICATION = "catalog.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "catalog.base.context_processors.site_shell",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"),
        # A connection kept per worker keeps its page cache warm between requests; the
        # search fallback scans its table, which reads fastest memory-mapped.
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
    }
}
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES["default"] = dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)
# SQLite lets one writer in at a time. Concurrent editors, an import and the index queue wait
# for each other instead of failing with "database is locked": WAL lets readers go on while
# one writes, every transaction takes the write lock when it begins (a deferred one that reads
# first and writes later cannot wait: SQLite refuses it at once), and a writer waits up to
# SQLITE_TIMEOUT seconds for the lock. A write that still cannot be made gets a sentence
# (catalog.base.busy), not a traceback.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA mmap_size=268435456; PRAGMA cache_size=-32768;",
        transaction_mode="IMMEDIATE",
        timeout=float(os.environ.get("SQLITE_TIMEOUT", "20")),
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second; interface strings go through gettext.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Uploads are served by the app, which checks who may have each file (products/public_files.py).
# Behind nginx, MEDIA_ACCEL_REDIRECT_URL names the site's internal location for MEDIA_ROOT (the
# rendered recipe's is /internal-media/): the app answers with X-Accel-Redirect, nginx sends.
MEDIA_ACCEL_REDIRECT_URL = os.environ.get("MEDIA_ACCEL_REDIRECT_URL", "")
if MEDIA_ACCEL_REDIRECT_URL:
    if not (MEDIA_ACCEL_REDIRECT_URL.startswith("/") and MEDIA_ACCEL_REDIRECT_URL.endswith("/")):
        raise ImproperlyConfigured("MEDIA_ACCEL_REDIRECT_URL starts and ends with /.")
    SENDFILE_BACKEND = "catalog.base.accel_redirect"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

WAGTAIL_SITE_NAME = "Sản phẩm CNNT tiêu biểu"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The catalog search: the URL of an Elasticsearch or OpenSearch node, or of several nodes of
# one cluster, comma-separated (the client spreads requests over them and goes on when one is
# lost), or empty for the database backend. Credentials: in the URL (https://user:pass@host) or
# SEARCH_USERNAME and SEARCH_PASSWORD; over HTTPS the certificate is checked against the system's
# CAs or the PEM file SEARCH_CA_CERTS (README, "Search cluster").
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_USERNAME = os.environ.get("SEARCH_USERNAME", "")
SEARCH_PASSWORD = os.environ.get("SEARCH_PASSWORD", "")
SEARCH_CA_CERTS = os.environ.get("SEARCH_CA_CERTS", "")
# "0" turns the certificate check off: only for a test cluster with a self-signed certificate
# (catalog_search.W001 warns outside debug).
SEARCH_VERIFY_CERTS = os.environ.get("SEARCH_VERIFY_CERTS", "1") != "0"
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "cnnt-")
# Shards and replicas of each new catalog index (a rebuild makes one). One shard holds the
# catalog easily; on a cluster, one replica keeps every document on two nodes, so losing one
# node loses nothing. The default (1, 0) suits a single node, where a replica stays unassigned.
SEARCH_INDEX_SHARDS = int(os.environ.get("SEARCH_INDEX_SHARDS", "1"))
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
# Wagtail's own search (the admin's pages, images, documents and snippets) stays on Wagtail's
# database backend even when SEARCH_URL is set: it reads the site's own database, so editors
# can search during an engine outage, every save updates it in the same transaction, and there
# is no second engine index to rebuild or replay. Buyers' search (search/) owns the engine.
# On PostgreSQL it folds diacritics, so "lan may" finds "Làn mây" (catalog.base.search_backend).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "catalog.base.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# Memory goes by pixels, not bytes: a 345 KB PNG of 121 megapixels, under Wagtail's default
# limit (128 million), took a worker to 1 GB to make its thumbnail. 40 million is a 7300x5500
# photo, more than the centre's cameras make (one that size peaks at about 430 MB); a bigger
# picture is refused at upload, from its header, before anything decodes it
# (catalog.base.images).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "catalog.base.images.ImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar in the admin: it would send a hash of every editor's address to a third party
# (and need that host in the Content-Security-Policy); Wagtail shows its default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for news: upgrades come through uv.lock.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Slow or outside work (e-mail, index writes to an engine, replaying what the engine missed)
# runs as tasks queued in the database and run by `manage.py db_worker`, so a request never
# waits on an SMTP server or a search engine (README, "Background tasks").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# How often the worker replays index changes the engine missed, in seconds.
SEARCH_REPLAY_INTERVAL = int(os.environ.get("SEARCH_REPLAY_INTERVAL", "60"))
# Seconds an SMTP connection may hang before sending fails (Django's default: forever).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# The rate limits of buyer inquiries count in this cache, so it must be one that every worker
# process shares: a table of the site's database, made by `migrate` (catalog.base.apps). A
# per-process cache (memory, dummy) would let each worker accept its own allowance; the
# products.W001 check warns of one outside debug.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "catalog_cache",
    }
}
# Buyer inquiries: the centre's addresses that receive a copy of each, and the limits per IP
# address and per e-mail address: (inquiries, seconds).
CATALOG_INQUIRY_RECIPIENTS = env_list("CATALOG_INQUIRY_RECIPIENTS")
INQUIRY_RATE_LIMITS = {"ip": (5, 3600), "email": (3, 3600)}
# How many reverse proxies stand in front of the site and add to X-Forwarded-For; the buyer's
# address for those limits is read behind them. 0: use the connection's address.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Where the site's own contact details are shown (footer, "sample data" banner).
CATALOG_DEMO_MODE = os.environ.get("CATALOG_DEMO_MODE", "") == "1"

# Logs go to standard error (the journal under systemd), each record with the request's id;
# LOG_FORMAT=json writes one JSON object per line for a log collector (catalog/base/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "catalog.base.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "catalog.base.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # The search clients log every request (404s of expected look-ups as warnings); the
    # search layer logs what matters itself.
    "loggers": {
        name: {"level": "ERROR"} for name in ("elastic_transport", "opensearch", "django_tasks")
    },
}
