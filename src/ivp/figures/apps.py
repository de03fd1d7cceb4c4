from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "ivp.figures"
    verbose_name = _("Figures and sources")

    def ready(self):
        from ivp.common.revisions import FIGURES, bump_on_change

        from .models import Observation

        bump_on_change((m for m in self.get_models() if m is not Observation), FIGURES)
        # Observations are deleted in bulk, by services.store_parsed, which bumps itself.
        bump_on_change([Observation], FIGURES, deletes=False)

        from ivp.regions.public_page import register_tiles

        from .headline import headline_tiles

        register_tiles(headline_tiles)
