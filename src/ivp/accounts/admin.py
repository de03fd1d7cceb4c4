from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "municipality", "region", "organisation"]
    list_filter = ["role"]
    search_fields = ["user__username", "municipality__name", "region__name", "organisation"]
    raw_id_fields = ["municipality"]


class UserWithHistoryAdmin(SimpleHistoryAdmin, UserAdmin):
    """Django's user admin, plus the history of who changed an account's rights."""


admin.site.unregister(User)
admin.site.register(User, UserWithHistoryAdmin)
