from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Area, ImportRun, KeyFigures, Municipality, Population, Region


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "province"]
    list_filter = ["province"]
    search_fields = ["name", "code", "cbs_name"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "municipality"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    raw_id_fields = ["municipality", "parent"]
    list_select_related = ["municipality"]


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    filter_horizontal = ["members"]


@admin.register(Population)
class PopulationAdmin(admin.ModelAdmin):
    list_display = ["municipality", "year", "inhabitants"]
    list_filter = ["year"]
    search_fields = ["municipality__name"]
    list_select_related = ["municipality"]


@admin.register(KeyFigures)
class KeyFiguresAdmin(admin.ModelAdmin):
    list_display = ["municipality", "area", "year", "inhabitants"]
    raw_id_fields = ["municipality", "area"]
    list_select_related = ["municipality", "area"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["kind", "file_name", "started_at", "user", "rows_written", "rows_skipped"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]
