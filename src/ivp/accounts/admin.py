from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "municipality", "region", "organisation"]
    list_filter = ["role"]
    search_fields = ["user__username", "municipality__name", "region__name", "organisation"]
    raw_id_fields = ["municipality"]
