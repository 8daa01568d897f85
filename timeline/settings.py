"""Settings for timeline, read from the environment.

With no environment at all this is the demo: debug on, an SQLite file beside
manage.py, a development secret key. Production is ``DJANGO_DEBUG=false``: it
refuses to start without a real secret key and turns every HTTPS, cookie and
HSTS protection on unless told otherwise. See README.md, "Configuration".
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

# Only good enough for a laptop demo; production refuses it below.
DEVELOPMENT_SECRET_KEY = "django-insecure-timeline-demo-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY in {"", DEVELOPMENT_SECRET_KEY}:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a long random value when DJANGO_DEBUG is off."
    )

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "django_tasks_db",
    "django.contrib.postgres",
    "axes",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns lockouts into a clear 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "timeline.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "timeline.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Simultaneous writers queue for up to 20 s instead of failing with "database
    # is locked": IMMEDIATE takes the write lock at BEGIN, so no transaction fails
    # upgrading a read lock, and the busy timeout makes the next one wait its turn.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (extraction). The immediate backend runs a task at once, so
# the demo needs no worker; a team sets TIMELINE_TASKS=database and runs
# `python manage.py db_worker` beside the web processes.
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks = os.environ.get("TIMELINE_TASKS", "immediate")
if _tasks not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TIMELINE_TASKS must be one of {sorted(TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_tasks], "QUEUES": ["default"]}}
# An extraction running this long whose worker is gone (its database lock
# released) is re-queued by `manage.py worker`; editors may retry one queued or
# running this long (timeline/tasks.py).
TIMELINE_EXTRACTION_LEASE_SECONDS = int(os.environ.get("TIMELINE_EXTRACTION_LEASE_SECONDS", "300"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Mail, for password reset, through Django's mailers. Without DJANGO_EMAIL_HOST no
# mailer is defined, and there is no reset page nor a link to one (timeline/accounts.py).
if os.environ.get("DJANGO_EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["DJANGO_EMAIL_HOST"],
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", "587")),
                "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", True),
                "timeout": 10,
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "review:queue"
LOGOUT_REDIRECT_URL = "public:timeline_list"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`; debug serves from the
        # finders instead so the demo needs no build step.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Without `collectstatic` (the demo, tests, benchmarks) STATIC_ROOT is absent on purpose.
warnings.filterwarnings("ignore", message="No directory at: ")

# HTTPS. Secure by default in production; each can be relaxed from the
# environment, for example behind a proxy that already redirects.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else str(365 * 24 * 3600))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("DJANGO_BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
# A strict Content-Security-Policy: scripts and styles from this site only (or
# carrying the request's nonce), no inline script, no plugins, no framing.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # One line per task state is noise in a bulk import; failures still show.
    "loggers": {"django.tasks": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}


# Caching of the public pages and exports, invalidated per timeline on every
# change readers would see (timeline/public_cache.py). The default lives in one
# process's memory: fine for the demo. A team uses a cache every web process
# and worker shares, on every machine: redis://host:6379/0 (README, "Caching").
def cache_from_url(url: str) -> dict:
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith("file://"):
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url.removeprefix("file://"),
        }
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured("DJANGO_CACHE_URL must start with locmem://, file:// or redis://")


CACHES = {"default": cache_from_url(os.environ.get("DJANGO_CACHE_URL", "locmem://"))}
TIMELINE_CACHE_SECONDS = int(os.environ.get("TIMELINE_CACHE_SECONDS", str(24 * 3600)))
# The public address absolute links (permalinks, exports) are built from; without
# it, in development only, they come from the request (timeline/site.py).
TIMELINE_SITE_URL = os.environ.get("TIMELINE_SITE_URL", "").rstrip("/")

# Login throttling: 5 failures lock that username from that address for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
# The combination only: an attacker elsewhere cannot lock an editor out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Trying again while locked out does not restart the hour.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# How many proxies of yours stand in front of the app (0: none, X-Forwarded-For
# ignored). The client's address is read from X-Forwarded-For only then.
TIMELINE_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "timeline.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Limits on what an editor may submit as a source, typed, uploaded or fetched.
TIMELINE_MAX_SOURCE_BYTES = int(os.environ.get("TIMELINE_MAX_SOURCE_BYTES", str(2 * 1024 * 1024)))
# Django reads a request body up to this size: room for a pasted article at the
# limit even form-encoded (a UTF-8 byte may take three characters, "%E2"), so the
# form, not a bare 400, tells the editor it is too long.
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * TIMELINE_MAX_SOURCE_BYTES + 1024 * 1024
TIMELINE_FETCH_TIMEOUT_SECONDS = float(os.environ.get("TIMELINE_FETCH_TIMEOUT_SECONDS", "10"))
# Fetching from 127.0.0.1 is refused unless this is on (the tests' own web server).
TIMELINE_FETCH_ALLOW_LOOPBACK = env_bool("TIMELINE_FETCH_ALLOW_LOOPBACK", False)

# Event images uploaded by editors: a size limit, and where files go. MEDIA_ROOT is
# the file system by default; S3-compatible storage is a STORAGES["default"] away.
TIMELINE_MAX_IMAGE_BYTES = int(os.environ.get("TIMELINE_MAX_IMAGE_BYTES", str(5 * 1024 * 1024)))
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Or in an S3-compatible bucket, through django-storages, an optional dependency
# (pip install "django-storages[s3]"), which reads its keys from AWS_ACCESS_KEY_ID
# and AWS_SECRET_ACCESS_KEY itself. README, "Images in an S3 bucket".
TIMELINE_MEDIA_S3_BUCKET = os.environ.get("TIMELINE_MEDIA_S3_BUCKET", "")
if TIMELINE_MEDIA_S3_BUCKET:
    # Where readers' browsers fetch the files: a CDN, the bucket's public host, or
    # host/bucket for path-style services. The CSP must allow it.
    _media_domain = os.environ.get("TIMELINE_MEDIA_S3_DOMAIN", "").strip().strip("/")
    if not _media_domain or "://" in _media_domain:
        raise ImproperlyConfigured(
            "TIMELINE_MEDIA_S3_DOMAIN must name the public host of the bucket's files, "
            "without https://, e.g. media.example.org or my-bucket.s3.eu-west-1.amazonaws.com"
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": TIMELINE_MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("TIMELINE_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("TIMELINE_MEDIA_S3_REGION") or None,
            "location": os.environ.get("TIMELINE_MEDIA_S3_PREFIX", "media").strip("/"),
            "custom_domain": _media_domain,
            # Readers' pages are cached for a day: signed links expire within the hour.
            "querystring_auth": False,
            # A taken name gets a suffix rather than replacing another event's image.
            "file_overwrite": False,
        },
    }
    SECURE_CSP["img-src"] = [*SECURE_CSP["img-src"], f"https://{_media_domain.split('/')[0]}"]

# The embed (/timelines/<slug>/embed/) may be framed by these origins, a CSP
# frame-ancestors list ("*" any site; "https://news.example https://*.example.org");
# every other page keeps frame-ancestors 'none' and X-Frame-Options DENY.
TIMELINE_EMBED_FRAME_ANCESTORS = os.environ.get("TIMELINE_EMBED_FRAME_ANCESTORS", "*").split()
# Django serves uploaded images itself (through the storage API) unless told that a
# web server does, or they live in a bucket that serves them.
TIMELINE_SERVE_MEDIA = env_bool("TIMELINE_SERVE_MEDIA", not TIMELINE_MEDIA_S3_BUCKET)
