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

        from django.db.models.signals import post_delete, post_save

        from .models import GeneratedDocument

        # A public file that is finished or removed changes the plan's public pages, which
        # are kept under the plans' revision (ivp.web.kept_pages); work in progress does not.
        for signal in (post_save, post_delete):
            signal.connect(
                _public_file_changed, sender=GeneratedDocument, dispatch_uid="reports-revision"
            )


def _public_file_changed(sender, instance, **kwargs):
    from ivp.common import revisions

    if instance.public and instance.status in instance.FINISHED:
        revisions.bump(revisions.PLANS)
