"""Project wiring. Every value comes from the environment through ``weerbaar.core.env``.

WEERBAAR_ENV selects defaults: ``production`` (the default: strict, refuses to start without
secrets), ``demo`` (``make demo``: generated secrets) and ``test``.
See docs/configuration.md for every variable.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from weerbaar.core.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
    persistent_secret,
)

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent

WEERBAAR_ENV = env_choice("WEERBAAR_ENV", {"production", "demo", "test"}, "production")
PRODUCTION = WEERBAAR_ENV == "production"
DATA_DIR = Path(env_str("WEERBAAR_DATA_DIR", str(BASE_DIR / "var")))
# The informatiepakhuis: one DuckDB file (registry extracts, rules run on it).
WAREHOUSE_PATH = env_str("WAREHOUSE_PATH", str(DATA_DIR / "warehouse.duckdb"))
WAREHOUSE_MEMORY = env_str("WAREHOUSE_MEMORY", "256MB")
# Where the rules run: "duckdb" on this machine, or "spark" (docs/warehouse.md).
WAREHOUSE_ENGINE = env_choice("WAREHOUSE_ENGINE", {"duckdb", "spark"}, "duckdb")
WAREHOUSE_PARQUET = env_str("WAREHOUSE_PARQUET", "")
SPARK_MASTER = env_str("SPARK_MASTER", "local[2]")
# The map draws the municipality's own BAG buildings and needs no tile server. A tile URL
# (e.g. PDOK's BRT-Achtergrondkaart through the intranet, "https://.../{z}/{x}/{y}.png")
# adds a background; only the map page's Content-Security-Policy allows its host.
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")

# Off everywhere by default, the demo included: Django's technical pages (in English, with the
# list of URLs) are for a developer who turns DEBUG on, never for users.
DEBUG = env_bool("DEBUG", default=False)


def _secret(name: str) -> str:
    value = env_str(name)
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(f"{name} must be set in production (or {name}_FILE).")
    return persistent_secret(DATA_DIR / f"{name.lower()}.txt")


SECRET_KEY = _secret("SECRET_KEY")
# Keyed hash for BSNs: without this key a stored hash cannot be linked back to a number.
BSN_HMAC_KEY = _secret("BSN_HMAC_KEY")
# The audit chain's daily head, signed so whoever writes the folder cannot forge it, goes
# outside the database: a folder the database administrators cannot write, and by mail.
AUDIT_ANCHOR_KEY = _secret("AUDIT_ANCHOR_KEY")
# The compartments' field encryption (core/crypto.py): secrets, the current one first.
FIELD_ENCRYPTION_KEYS = _secret("FIELD_ENCRYPTION_KEYS").split()
AUDIT_ANCHOR_DIR = env_str("AUDIT_ANCHOR_DIR", str(DATA_DIR / "audit-anchors"))
AUDIT_ANCHOR_MAIL = env_bool("AUDIT_ANCHOR_MAIL", default=False)
# What the FG's weekly report of unusual access counts as unusual (privacy/unusual.py).
UNUSUAL = (("outside_team", 25), ("night_reads", 20), ("refusals", 10))
UNUSUAL_ACCESS = {name: env_int(f"UNUSUAL_{name.upper()}", n) for name, n in UNUSUAL}

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

MUNICIPALITY_NAME = env_str("MUNICIPALITY_NAME", "Gemeente Weerdam")
MUNICIPALITY_CODE = env_str("MUNICIPALITY_CODE", "9999")
MUNICIPALITY_RSIN = env_str("MUNICIPALITY_RSIN", "999999990")  # bronorganisatie in ZGW
# Replies to decision letters go to a general mailbox, never to the handling official.
GENERAL_MAILBOX = env_str("GENERAL_MAILBOX", "veiligheid@weerdam.invalid")
# Where letters send opinions and objections by post, and the court named for appeal.
MUNICIPALITY_POSTAL_ADDRESS = env_str("MUNICIPALITY_POSTAL_ADDRESS", "Postbus 100, 6980 AA Weerdam")
COURT_NAME = env_str("COURT_NAME", "Rechtbank Gelderland")
# Own .docx letter templates (same names as in interventions/letter_templates/), if any.
LETTER_TEMPLATE_DIR = env_str("LETTER_TEMPLATE_DIR", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "huey.contrib.djhuey",
    "weerbaar.core",
    "weerbaar.audit",
    "weerbaar.accounts",
    "weerbaar.subjects",
    "weerbaar.signals",
    "weerbaar.intake",
    "weerbaar.cases",
    "weerbaar.meetings",
    "weerbaar.interventions",
    "weerbaar.inspections",
    "weerbaar.screening",
    "weerbaar.police",
    "weerbaar.warehouse",
    "weerbaar.reporting",
    "weerbaar.privacy",
    "weerbaar.network",
    "weerbaar.configuration",
    "weerbaar.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "weerbaar.core.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "weerbaar.core.middleware.DutchFirstLocaleMiddleware",
    # Before anything reads request.POST (CSRF), so an oversized body is never read.
    "weerbaar.core.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "weerbaar.accounts.middleware.SessionLimitsMiddleware",
    "weerbaar.accounts.middleware.RequireOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "weerbaar.urls"
WSGI_APPLICATION = "weerbaar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "weerbaar.core.context_processors.municipality",
                "weerbaar.navigation.navigation",
            ],
        },
    },
]

# Database: SQLite file in the data folder by default, PostgreSQL through DATABASE_URL.
_default_db = f"sqlite:///{DATA_DIR / 'weerbaar.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL") or _default_db)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["TEST"] = (
    {"NAME": env_str("DATABASE_TEST_NAME")} if env_str("DATABASE_TEST_NAME") else {}
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if WEERBAAR_ENV == "test":
    # Hashing cost is not what the tests are about; keep the suite fast.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions: idle timeout through the cookie age, absolute limit in SessionLimitsMiddleware.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_HOURS = env_int("SESSION_ABSOLUTE_HOURS", 9)
# How long a confirmed password (re-authentication) covers exports and reveals (P29).
REAUTH_SECONDS = env_int("REAUTH_MINUTES", 10) * 60
# An export of more rows than this needs a second person's approval first (P23).
EXPORT_FOUR_EYES_ROWS = env_int("EXPORT_FOUR_EYES_ROWS", 1000)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
_secure_cookies = env_bool("SECURE_COOKIES", default=PRODUCTION)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _secure_cookies
SESSION_COOKIE_NAME = "__Host-weerbaar-session" if _secure_cookies else "weerbaar-session"
CSRF_COOKIE_NAME = "__Host-weerbaar-csrf" if _secure_cookies else "weerbaar-csrf"

# Login lockout per username and address (behind TRUSTED_PROXY_COUNT proxies): a growing
# delay rather than a fixed lock; refused tries do not count (accounts/lockout.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "weerbaar.accounts.client_ip.client_ip"
AXES_HANDLER = "weerbaar.accounts.lockout.GrowingDelayHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_MAX_DELAY_MINUTES = env_int("LOGIN_COOLOFF_MINUTES", 15)
# How long failures are remembered after the last one; the delay itself is far shorter.
AXES_COOLOFF_TIME = timedelta(hours=24)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Background work (imports, scans): huey with a SQLite queue file beside the data in the
# embedded default, Redis in production (TASK_QUEUE_URL); tests run tasks in the request.
_queue_url = env_str("TASK_QUEUE_URL")
HUEY = {
    "name": "weerbaar",
    "huey_class": "huey.RedisHuey" if _queue_url else "huey.SqliteHuey",
    "immediate": WEERBAAR_ENV == "test",
    "connection": {"url": _queue_url} if _queue_url else {"filename": str(DATA_DIR / "tasks.db")},
    "consumer": {"workers": 1, "worker_type": "thread"},
}

# A shared cache (Redis) in production, so the meldpunt's throttle counters are counted
# across all workers; the default in-memory cache counts per process.
_cache_url = env_str("CACHE_URL")
if PRODUCTION and not _cache_url:
    raise ImproperlyConfigured("CACHE_URL must be set in production (shared counters, tokens).")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
    if _cache_url
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Public reporting form: seconds a person needs at least to fill it in (robots are faster).
INTAKE_MIN_FILL_SECONDS = env_int("INTAKE_MIN_FILL_SECONDS", 0 if WEERBAAR_ENV == "test" else 3)

# Request bodies larger than this are refused on their Content-Length, before they are read
# (core.middleware.RequestBodyLimitMiddleware): five attachments of 10 MB (core.uploads) and
# the form fields fit. Only the warehouse import takes registry extracts of gigabytes.
REQUEST_BODY_MAX_BYTES = 51 * 1024 * 1024
WAREHOUSE_UPLOAD_MAX_GB = env_int("WAREHOUSE_UPLOAD_MAX_GB", 20)
REQUEST_BODY_LARGE_ROUTES = {"warehouse:imports": WAREHOUSE_UPLOAD_MAX_GB * 1024**3}

# Roles whose members must use a second factor; production requires it of everyone.
OTP_REQUIRED_ROLES = env_list("OTP_REQUIRED_ROLES", ["*"] if PRODUCTION else [])
OTP_TOTP_ISSUER = MUNICIPALITY_NAME

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Security headers (SECURITY.md, section F).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading commits the whole domain to HTTPS; that is the municipality's decision.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
        "report-uri": ["/csp-rapport/"],
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so a refused key answers 401 with "WWW-Authenticate: Bearer".
        "weerbaar.accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        # An API key's scope and its owner's second factor (SECURITY.md P27).
        "weerbaar.accounts.authentication.ApiTokenPolicy",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "weerbaar.core.api.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Days an API key lives; a new one must then be made on the account page.
API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 90)
if API_TOKEN_DAYS < 1:
    raise ImproperlyConfigured("API_TOKEN_DAYS must be at least 1.")
SPECTACULAR_SETTINGS = {
    "TITLE": "Weerbaar API",
    "DESCRIPTION": _("Weerbaar's API; every route applies the same need-to-know as the screens."),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Fields called "kind" hold different choices; each gets its own plain name.
    "ENUM_NAME_OVERRIDES": {
        "DeadlineKindEnum": "weerbaar.interventions.constants.DeadlineKind",
        "SubjectKindEnum": "weerbaar.subjects.constants.SubjectKind",
    },
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@weerbaar.invalid")
# The application's own address, for the links in e-mails (no trailing slash).
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
# A deadline's owner is told in the inbox this many days before it ends, and once overdue.
DEADLINE_REMINDER_DAYS = env_int("DEADLINE_REMINDER_DAYS", 3)
ADMINS: list = []

# One plain format, UTC, no request data: log records never carry addresses or names.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "weerbaar.core.logging.UTCFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
    },
    "filters": {"no_request": {"()": "weerbaar.core.logging.DropRequestFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_request"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": [], "propagate": False},
        "axes": {"level": "WARNING"},
        # PDF rendering chatters per step and per glyph; only real problems are worth a line.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
