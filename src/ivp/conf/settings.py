"""One settings module, read from the environment (12-factor).

IVP_ENVIRONMENT=local (default) generates a secret key under var/ and serves static files itself;
IVP_ENVIRONMENT=production requires SECRET_KEY and ALLOWED_HOSTS and hardens HTTP.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ivp.common.request_log import logging_config

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
    "csp",
    "ivp.common",
    "ivp.web",
    "ivp.accounts",
    "ivp.regions",
    "ivp.taxonomy",
    "ivp.figures",
    "ivp.planning",
    "ivp.reports",
    "ivp.intake",
    "ivp.api",
]

MIDDLEWARE = [
    "ivp.common.request_log.RequestIdMiddleware",  # first: every later log line carries the id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ivp.accounts.middleware.ActiveMunicipalityMiddleware",
    "ivp.web.middleware.PrivateResponsesMiddleware",
    "ivp.web.kept_pages.KeptVisitorPagesMiddleware",
    "ivp.web.middleware.AtomicWritesMiddleware",
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
                "ivp.web.context_processors.page_help",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ivp.sqlite3'}"),
}
# Write requests run in one transaction each (ivp.web.middleware.AtomicWritesMiddleware);
# reads run without one, so they never wait for a writer.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Under gunicorn (deploy/gunicorn.conf.py says so) each web thread keeps its connection for a
# while instead of opening one per request: on PostgreSQL a connection is a new server process,
# on SQLite a file opened and set up anew. Not elsewhere: `runserver` starts a thread per
# request, and kept connections of its threads piled up to PostgreSQL's limit in CI.
# A connection that broke is noticed before use (health check) and opened again.
UNDER_GUNICORN = env.str("IVP_WEB_SERVER", default="") == "gunicorn"
DATABASES["default"]["CONN_MAX_AGE"] = env.int(
    "IVP_DB_CONNECTION_SECONDS", default=60 if UNDER_GUNICORN else 0
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import writes. Every transaction takes the write
    # lock when it begins (IMMEDIATE) and waits for it up to `timeout` seconds, so two saves at
    # once queue instead of failing halfway with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("IVP_SQLITE_BUSY_SECONDS", default=60),
        }
    )
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
# A running task beats every IVP_TASK_HEARTBEAT_SECONDS; one silent for IVP_TASK_STALL_SECONDS
# is taken for dead (its worker was killed) and its upload or document marked failed.
IVP_TASK_HEARTBEAT_SECONDS = env.int("IVP_TASK_HEARTBEAT_SECONDS", default=10)
IVP_TASK_STALL_SECONDS = env.int("IVP_TASK_STALL_SECONDS", default=120)
# Uploaded files, made documents and finished task results are removed after this many days
# (`ivp cleanup`, run daily by cron); documents waiting per user are limited.
IVP_RETENTION_DAYS = env.int("IVP_RETENTION_DAYS", default=90)
IVP_DOCUMENTS_WAITING_PER_USER = env.int("IVP_DOCUMENTS_WAITING_PER_USER", default=3)
# Progress of background work is shared through the cache: on one machine a directory under
# var/; with several machines set CACHE_URL (e.g. redis://…) so all of them see it.
# Charts are cached too (ivp.common.charts): a municipality's pages hold some sixty, so the
# file cache keeps many more entries than Django's default of 300, which it would thin out
# on every few pages.
CACHES = {"default": env.cache_url("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}")}
CACHE_MAX_ENTRIES = 50_000
if CACHES["default"]["BACKEND"].rsplit(".", 1)[0] in (
    "django.core.cache.backends.filebased",
    "django.core.cache.backends.locmem",
    "django.core.cache.backends.db",
):  # the backends that cull; Redis and Memcached evict by memory and take no such option
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", CACHE_MAX_ENTRIES)

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
LOGIN_REDIRECT_URL = "web:start"  # each role lands on its own work (ivp.web.landing)
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
    # A script's personal API key (made on /account/api-sleutels/) or the browser's session.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ivp.api.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Each view names its rules per method (ivp.api.permissions); a view without is refused.
    "DEFAULT_PERMISSION_CLASSES": ["ivp.api.permissions.RulesPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "ivp.api.errors.dutch_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ivp API",
    "DESCRIPTION": (
        "Integraal veiligheidsbeleid. Openbaar en zonder inloggen: gemeenten, regio's, "
        "veiligheidsthema's, indicatoren, waarnemingen en elk vastgesteld integraal "
        "veiligheidsplan en uitvoeringsplan. Met een rol (sessie of persoonlijke API-sleutel: "
        "`Authorization: Bearer ivp_…`, te maken onder Mijn account) ook wat in voorbereiding "
        "is, en schrijven met dezelfde rechten als op de pagina's: de coördinator voegt acties "
        "toe en wijzigt ze, de coördinator en ketenpartners melden voortgang. Elke wijziging "
        "noemt de versie waarop ze is gebaseerd (lock_version of If-Match met de ETag): "
        "zonder versie 428, bij een verouderde versie 412."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Requests and answers as separate components: what a client sends and what it reads.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "ivp.planning.execution.models.Action.Status",
        "PlanStatusEnum": "ivp.planning.workflow.models.Adoptable.Status",
        "FrameworkLevelEnum": "ivp.planning.policy.models.Framework.Level",
    },
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
# `ivp worker` sends the stale-action reminder and the weekly digest once a week at this local
# moment (an English weekday and a time), checking every IVP_SCHEDULE_CHECK_SECONDS; a schedule
# never run before sends at the worker's start (ivp.common.schedule).
IVP_WEEKLY_MAIL = env.str("IVP_WEEKLY_MAIL", default="mon 07:00")
IVP_SCHEDULE_CHECK_SECONDS = env.int("IVP_SCHEDULE_CHECK_SECONDS", default=60)
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
IVP_PLAN_MAX_MB = env.int("IVP_PLAN_MAX_MB", default=50)  # a plan document to read in
IVP_PLAN_MAX_PAGES = env.int("IVP_PLAN_MAX_PAGES", default=500)
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
    # Load balancers and container runtimes probe these over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^gezond/$", r"^gereed/$"]
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Headers and limits (issue 13, item 7) ---
# Content-Security-Policy (django-csp 4): nothing inline, nothing from elsewhere. Charts are
# SVG without style attributes, widths come from classes or SVG attributes, and htmx is told
# not to inject its indicator <style> (base.html, <meta name="htmx-config">). Django's admin
# works under the same policy (its scripts are files). Only the downloadable HTML document is
# a file with its own <style>; it is not served as a page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# API lists come in pages of PAGE_SIZE; `?limit=` asks for more, up to 500 (ivp/api/pagination.py).
REST_FRAMEWORK["DEFAULT_PAGINATION_CLASS"] = "ivp.api.pagination.CappedLimitOffsetPagination"
# --- Running as a service (issue 13, item 8): logs, health checks, the worker's heartbeat ---
# One log line per record on stdout, each with the request's id (X-Request-ID); as JSON when
# IVP_LOG_FORMAT=json (the default in production), as plain text otherwise.
IVP_LOG_FORMAT = env.str("IVP_LOG_FORMAT", default="json" if PRODUCTION else "text")
LOGGING = logging_config(log_format=IVP_LOG_FORMAT, level=env.str("LOG_LEVEL", default="INFO"))
# `ivp worker` records that it is alive this often; /gereed/ answers 503 once the last record
# is older than IVP_WORKER_STALE_SECONDS.
IVP_WORKER_HEARTBEAT_SECONDS = env.int("IVP_WORKER_HEARTBEAT_SECONDS", default=15)
IVP_WORKER_STALE_SECONDS = env.int("IVP_WORKER_STALE_SECONDS", default=60)
# --- Accounts (issue 13, item 6): login lockout, password reset, idle sessions, single sign-on ---
# django-axes counts failed logins per username and address (the login page and the Django
# admin's); at the limit that pair is locked out for the cooling-off period. Every failure is
# logged (logger "axes") and kept in the admin under "Axes".
INSTALLED_APPS.append("axes")
# First backend: refuses every login attempt while a username and address are locked out.
AUTHENTICATION_BACKENDS.insert(0, "axes.backends.AxesStandaloneBackend")
# Logs out an idle session before the active municipality or any view reads the user.
MIDDLEWARE.insert(
    MIDDLEWARE.index("ivp.accounts.middleware.ActiveMunicipalityMiddleware"),
    "ivp.accounts.middleware.IdleSessionMiddleware",
)
# Last, as django-axes asks: it turns a refused login into the lockout page.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AXES_FAILURE_LIMIT = env.int("IVP_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("IVP_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "ivp.accounts.views.locked_out"
# Failures are logged at WARNING either way; verbose would also narrate every start-up.
AXES_VERBOSE = False
# The log names username and address (who was tried, from where); never the password.
AXES_SENSITIVE_PARAMETERS = []
# A session that has seen no request for this long is logged out (accounts.middleware).
IVP_SESSION_IDLE_MINUTES = env.int("IVP_SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = IVP_SESSION_IDLE_MINUTES * 60
# Links in the password reset and invitation mails are valid this long.
PASSWORD_RESET_TIMEOUT = env.int("IVP_PASSWORD_RESET_HOURS", default=24) * 3600
IVP_INVITATION_DAYS = env.int("IVP_INVITATION_DAYS", default=14)
# Single sign-on through OpenID Connect (mozilla-django-oidc): off unless IVP_OIDC_ENABLED=1.
# A user who signs in this way is matched on a verified e-mail address; roles come only from
# memberships in ivp, never from the identity provider.
IVP_OIDC_ENABLED = env.bool("IVP_OIDC_ENABLED", default=False)
if IVP_OIDC_ENABLED:
    _OIDC_REQUIRED = (
        "OIDC_RP_CLIENT_ID",
        "OIDC_RP_CLIENT_SECRET",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
    )
    OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
    if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")):  # tokens signed with the provider's key
        _OIDC_REQUIRED += ("OIDC_OP_JWKS_ENDPOINT",)
    _missing = [name for name in _OIDC_REQUIRED if not env.str(name, default="")]
    if _missing:
        raise ImproperlyConfigured("IVP_OIDC_ENABLED=1 vraagt ook om " + ", ".join(_missing) + ".")
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("ivp.accounts.oidc.MembershipOIDCBackend")
    for _name in _OIDC_REQUIRED:
        vars()[_name] = env.str(_name)
    OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
    OIDC_CREATE_USER = env.bool("IVP_OIDC_CREATE_USERS", default=True)
    LOGIN_REDIRECT_URL_FAILURE = "/inloggen/"
