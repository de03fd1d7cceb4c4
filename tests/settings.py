"""The settings of the test run: the app's own, with a fast password hasher and a cache of
the test process's own.

The app's hasher (PBKDF2, a quarter of a second a password on purpose) would be most of the
time of every test that signs someone in. The app's file cache under var/ would be shared by
the parallel test workers and kept from one run to the next. Processes the tests start
themselves (`ivp` servers and workers) keep the app's own settings (tests/conftest.py).
"""

from ivp.conf.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tests",
        "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES},  # noqa: F405
    }
}
