from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "ivp.regions"
    verbose_name = _("Municipalities and regions")

    def ready(self):
        from ivp.common.audit_registry import register_entries, register_histories

        from .audit import population_changes, region_histories

        register_histories(region_histories)
        register_entries(population_changes)

        from .converters import MunicipalityCode

        register_converter(MunicipalityCode, "gm")

        from ivp.common.revisions import FIGURES, bump_on_change

        # Population, key figures, areas and who belongs to which province are read with the figures.
        bump_on_change(self.get_models(), FIGURES)
