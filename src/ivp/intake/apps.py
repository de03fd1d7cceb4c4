from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "ivp.intake"
    verbose_name = _("reading existing plans")

    def ready(self):
        from . import rules  # noqa: F401  (registers the permissions)
