from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ivp.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from ivp.common.audit_registry import register_histories

        from .audit import account_histories

        register_histories(account_histories)
