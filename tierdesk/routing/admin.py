from django.contrib import admin

from tierdesk.routing.models import RoutingRule


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin[RoutingRule]):
    list_display = ("position", "name", "is_active", "channel", "ticket_type", "set_team")
    list_display_links = ("name",)
    list_editable = ("position", "is_active")
    list_filter = ("is_active", "set_team")
