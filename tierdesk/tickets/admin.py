"""Read-mostly admin for tickets: changes belong in the desk, where services record them."""

from django.contrib import admin

from tierdesk.tickets.models import Tag, Ticket, TimelineEvent


class TimelineInline(admin.TabularInline[TimelineEvent, Ticket]):
    model = TimelineEvent
    extra = 0
    can_delete = False
    readonly_fields = ("created_at", "actor", "kind", "data")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin[Ticket]):
    list_display = ("number", "subject", "team", "level", "status", "priority", "assignee")
    list_filter = ("status", "team", "level", "channel", "type", "priority")
    search_fields = ("number", "subject", "requester__email")
    list_select_related = ("team", "level", "assignee")
    inlines = [TimelineInline]
    readonly_fields = [field.name for field in Ticket._meta.concrete_fields]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    search_fields = ("name",)
