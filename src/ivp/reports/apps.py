from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ivp.reports"
    verbose_name = _("Reports")

    def ready(self):
        from ivp.common.audit_registry import register_histories

        from .audit import report_histories

        register_histories(report_histories)

        from ivp.planning.workflow.signals import plan_adopted

        from . import chapter_parts  # noqa: F401 (registers chapters as removable parts)
        from .publishing import on_plan_adopted

        plan_adopted.connect(on_plan_adopted, dispatch_uid="reports-publish-adopted")
