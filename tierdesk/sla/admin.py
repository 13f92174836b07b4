"""Django admin for calendars and policies; every save recomputes open tickets' clocks."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms import BaseFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tierdesk.sla.forms import CalendarForm, OpeningIntervalFormSet, SlaPolicyForm
from tierdesk.sla.models import (
    Calendar,
    CalendarException,
    OpeningInterval,
    SlaPolicy,
    TeamCalendar,
    TicketSlaTarget,
)
from tierdesk.sla.services import calendar_touch, policy_touch


class OpeningIntervalInline(admin.TabularInline[OpeningInterval, Calendar]):
    model = OpeningInterval
    formset = OpeningIntervalFormSet
    extra = 0


class CalendarExceptionInline(admin.TabularInline[CalendarException, Calendar]):
    model = CalendarException
    extra = 0


class TeamCalendarInline(admin.TabularInline[TeamCalendar, Calendar]):
    model = TeamCalendar
    extra = 0
    verbose_name_plural = _("teams using this calendar")


@admin.register(Calendar)
class CalendarAdmin(admin.ModelAdmin[Calendar]):
    form = CalendarForm
    list_display = ["name", "time_zone", "country", "subdivision", "always_open", "is_default"]
    inlines = [OpeningIntervalInline, CalendarExceptionInline, TeamCalendarInline]
    readonly_fields = ["updated_at"]

    def save_related(
        self,
        request: HttpRequest,
        form: ModelForm[Any],
        formsets: list[BaseFormSet[Any]],
        change: bool,
    ) -> None:
        super().save_related(request, form, formsets, change)
        calendar_touch(form.instance)

    def delete_model(self, request: HttpRequest, obj: Calendar) -> None:
        super().delete_model(request, obj)
        policy_touch_all()


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin[SlaPolicy]):
    form = SlaPolicyForm
    list_display = [
        "position",
        "name",
        "is_active",
        "first_response_minutes",
        "next_response_minutes",
        "resolution_minutes",
        "calendar",
    ]
    list_display_links = ["name"]
    list_editable = ["position", "is_active"]
    filter_horizontal = ["teams", "levels", "organisations"]
    fieldsets = [
        (None, {"fields": ["name", "position", "is_active", "calendar"]}),
        (
            _("Conditions (empty: any)"),
            {
                "fields": [
                    "priorities",
                    "teams",
                    "levels",
                    "channels",
                    "ticket_types",
                    "key_accounts_only",
                    "organisations",
                    "languages",
                ]
            },
        ),
        (
            _("Targets in business minutes"),
            {
                "fields": [
                    "first_response_minutes",
                    "next_response_minutes",
                    "resolution_minutes",
                    "pause_statuses",
                    "warning_share",
                ]
            },
        ),
        (
            _("When a target is breached"),
            {"fields": ["breach_raise_priority", "breach_assign_lead", "breach_escalate"]},
        ),
    ]

    def save_related(
        self,
        request: HttpRequest,
        form: ModelForm[Any],
        formsets: list[BaseFormSet[Any]],
        change: bool,
    ) -> None:
        super().save_related(request, form, formsets, change)
        policy_touch(form.instance)

    def delete_model(self, request: HttpRequest, obj: SlaPolicy) -> None:
        super().delete_model(request, obj)
        policy_touch_all()


def policy_touch_all() -> None:
    """Deleting changes the count the policy cache watches; recompute open tickets."""
    from tierdesk.sla.services import sla_configuration_changed

    sla_configuration_changed()


@admin.register(TicketSlaTarget)
class TicketSlaTargetAdmin(admin.ModelAdmin[TicketSlaTarget]):
    list_display = ["ticket", "name", "state", "due_at", "business_minutes_used", "breached_at"]
    list_filter = ["name", "state"]
    list_select_related = ["ticket"]
    raw_id_fields = ["ticket", "policy"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
