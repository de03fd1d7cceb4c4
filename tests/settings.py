"""The settings of the test run: the app's own, with a fast password hasher, a cache of
the test process's own, and static files looked up when asked for.

The app's hasher (PBKDF2, a quarter of a second a password on purpose) would be most of the
time of every test that signs someone in. The app's file cache under var/ would be shared by
the parallel test workers and kept from one run to the next. Processes the tests start
themselves (`ivp` servers and workers) keep the app's own settings (tests/conftest.py).

WhiteNoise lists every static file when its middleware starts, once per process in the app;
but every test client starts the middleware again, and the listing was a quarter of the
authorisation matrix's time. Looked up on request (its development mode) the same files are
served; the servers the browser tests use list them at start as the app does.
"""

from ivp.conf.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_AUTOREFRESH = True
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tests",
        "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES},  # noqa: F405
    }
}
