from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "ivp.taxonomy"
    verbose_name = _("Safety fields and themes")

    def ready(self):
        from ivp.common.audit_registry import register_histories

        from .audit import taxonomy_histories

        register_histories(taxonomy_histories)

        from ivp.common.revisions import FIGURES, bump_on_change

        # The veiligheidsbeeld groups the figures by field and theme.
        bump_on_change(self.get_models(), FIGURES)
