from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "ivp.planning"
    verbose_name = _("Planning")

    def ready(self):
        from django.urls import register_converter

        from ivp.common.audit_registry import register_histories

        from .execution.address import PlanAddressConverter

        register_converter(PlanAddressConverter, "plan")
        from ivp.common.text_limits import refuse_overlong

        from .audit import planning_histories

        register_histories(planning_histories)

        # The parts a draft may lose or reorder, registered with workflow/removal.py.
        from .execution import removable as execution_parts  # noqa: F401
        from .policy import removable as policy_parts  # noqa: F401

        # Text lengths are checked on every save of a planning record (no migration needed).
        for model in self.get_models():
            pre_save.connect(refuse_overlong, sender=model, dispatch_uid=f"text-limits-{model}")

        from ivp.common.revisions import PLANS, bump_on_change

        bump_on_change(self.get_models(), PLANS)
