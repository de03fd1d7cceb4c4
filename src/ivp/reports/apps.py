from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ivp.reports"
    verbose_name = _("Reports")

    def ready(self):
        from ivp.common.audit_registry import register_histories

        from .audit import report_histories

        register_histories(report_histories)

        from . import chapter_parts  # noqa: F401 (registers chapters as removable parts)
