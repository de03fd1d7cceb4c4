from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "ivp.taxonomy"
    verbose_name = _("Safety fields and themes")
