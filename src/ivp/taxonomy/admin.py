from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import MunicipalTheme, SafetyField, TaxonomyVersion, Theme


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0


@admin.register(TaxonomyVersion)
class TaxonomyVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "valid_from", "is_current"]


@admin.register(SafetyField)
class SafetyFieldAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "version"]
    list_filter = ["version"]
    inlines = [ThemeInline]


@admin.register(MunicipalTheme)
class MunicipalThemeAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "municipality", "field", "hidden"]
    list_filter = ["hidden", "version"]
    raw_id_fields = ["municipality"]
