"""One settings module, read from the environment (12-factor).

IVP_ENVIRONMENT=local (default) generates a secret key under var/ and serves static files itself;
IVP_ENVIRONMENT=production requires SECRET_KEY and ALLOWED_HOSTS and hardens HTTP.
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[3]
PACKAGE_DIR = Path(__file__).resolve().parents[1]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

IVP_ENVIRONMENT = env.str("IVP_ENVIRONMENT", default="local")
if IVP_ENVIRONMENT not in ("local", "production"):
    raise ImproperlyConfigured("IVP_ENVIRONMENT moet 'local' of 'production' zijn.")
PRODUCTION = IVP_ENVIRONMENT == "production"

VAR_DIR = Path(env.str("IVP_VAR_DIR", default=str(BASE_DIR / "var")))
DATA_DIR = Path(env.str("IVP_DATA_DIR", default=str(BASE_DIR / "data")))

# Off unless asked for (DEBUG=1): the demo shows the Dutch error pages a user would see.
DEBUG = env.bool("DEBUG", default=False)


def _local_secret_key() -> str:
    """A per-checkout key kept in var/, so sessions survive restarts of the demo."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is verplicht in productie (IVP_ENVIRONMENT=production)."
        )
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS is verplicht in productie.")
else:
    SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "ivp.web",
    "ivp.accounts",
    "ivp.regions",
    "ivp.taxonomy",
    "ivp.figures",
    "ivp.planning",
    "ivp.reports",
    "ivp.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ivp.accounts.middleware.ActiveMunicipalityMiddleware",
]

ROOT_URLCONF = "ivp.conf.urls"
WSGI_APPLICATION = "ivp.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ivp.web.context_processors.shell",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ivp.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Long work (imports of national files) runs in a worker (`ivp db_worker`) that takes tasks
# from a queue in the database; IVP_TASKS_IMMEDIATE=1 runs them inside the request instead.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env.bool("IVP_TASKS_IMMEDIATE", default=False)
        else "django_tasks_db.DatabaseBackend"
    }
}
# Progress of background work is shared through the cache: on one machine a directory under
# var/; with several machines set CACHE_URL (e.g. redis://…) so all of them see it.
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

LANGUAGE_CODE = "nl"
# Source strings are English, users read Dutch; add ("en", …) once an English catalogue exists,
# otherwise browsers asking for English would get the untranslated source strings.
LANGUAGES = [("nl", _("Dutch"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production, serve static files straight from the apps (no collectstatic needed).
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "ivp.api.errors.dutch_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ivp API",
    "DESCRIPTION": "Integraal veiligheidsbeleid: gemeenten, regio's en veiligheidsthema's.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Reminders about stale actions (ivp reminders). Locally they are printed to the console; in
# production set EMAIL_URL, e.g. smtp+tls://user:password@smtp.gemeente.nl:587.
EMAIL_CONFIG = env.email_url(
    "EMAIL_URL",
    default="smtp://localhost:25" if PRODUCTION else "consolemail://",
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ivp <noreply@ivp.invalid>")
IVP_STALE_WEEKS = env.int("IVP_STALE_WEEKS", default=6)
# The site's address, for links in e-mails sent outside a request.
IVP_SITE_URL = env.str("IVP_SITE_URL", default="http://127.0.0.1:8000")

# Hostile files (issue 13, item 2): limits on every upload, read in ivp.common.upload_limits.
# National police/CBS exports are the largest files (the full 47013NED per month is ~150 MB);
# a municipality's own spreadsheets, surveys, progress files and Word templates are small.
IVP_UPLOAD_MAX_MB = env.int("IVP_UPLOAD_MAX_MB", default=200)
IVP_IMPORT_MAX_ROWS = env.int("IVP_IMPORT_MAX_ROWS", default=5_000_000)
IVP_IMPORT_MAX_CELLS = env.int("IVP_IMPORT_MAX_CELLS", default=2_000_000)  # wide StatLine tables
IVP_TABLE_MAX_MB = env.int("IVP_TABLE_MAX_MB", default=20)
IVP_TABLE_MAX_ROWS = env.int("IVP_TABLE_MAX_ROWS", default=50_000)
IVP_TEMPLATE_MAX_MB = env.int("IVP_TEMPLATE_MAX_MB", default=10)
IVP_ZIP_MAX_UNPACKED_MB = env.int("IVP_ZIP_MAX_UNPACKED_MB", default=100)
IVP_TEMPLATE_MAX_UNPACKED_MB = env.int("IVP_TEMPLATE_MAX_UNPACKED_MB", default=30)
IVP_ZIP_MAX_ENTRIES = env.int("IVP_ZIP_MAX_ENTRIES", default=1000)
IVP_ZIP_MAX_RATIO = env.int("IVP_ZIP_MAX_RATIO", default=200)
IVP_JSON_MAX_DEPTH = env.int("IVP_JSON_MAX_DEPTH", default=32)
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"] = [
    "ivp.api.parsers.GuardedJSONParser",
    "rest_framework.parsers.FormParser",
    "rest_framework.parsers.MultiPartParser",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint and fontTools narrate every layout step at INFO
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
