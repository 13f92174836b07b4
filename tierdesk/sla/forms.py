"""Forms of the SLA pages and admin: parsing and validating input only."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tierdesk.sla.business_time import BusinessCalendar, WeeklyInterval
from tierdesk.sla.calendars import public_holidays
from tierdesk.sla.models import Calendar, SlaPolicy
from tierdesk.sla.report import DIMENSIONS
from tierdesk.tickets.models import Channel, Priority, Status, TicketType

DEFAULT_REPORT_DAYS = 90


class ReportForm(forms.Form):
    group_by = forms.ChoiceField(
        label=_("Group by"), choices=list(DIMENSIONS.items()), initial="policy", required=False
    )
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("Until (inclusive)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        data["group_by"] = data.get("group_by") or "policy"
        data["start"] = data.get("start") or today - timedelta(days=DEFAULT_REPORT_DAYS)
        data["end"] = data.get("end") or today
        if data["end"] < data["start"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data

    def period(self) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes: local midnight to the midnight after ``end``."""
        zone = timezone.get_current_timezone()
        start = datetime.combine(self.cleaned_data["start"], time(0), tzinfo=zone)
        end = datetime.combine(self.cleaned_data["end"] + timedelta(days=1), time(0), tzinfo=zone)
        return start, end


class CalendarForm(forms.ModelForm[Calendar]):
    class Meta:
        model = Calendar
        fields = ["name", "time_zone", "country", "subdivision", "always_open", "is_default"]

    def clean_time_zone(self) -> str:
        name = str(self.cleaned_data["time_zone"]).strip()
        try:
            BusinessCalendar(time_zone=name)
        except (KeyError, ValueError):
            raise forms.ValidationError(
                _("Unknown time zone “%(name)s”."), params={"name": name}
            ) from None
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        country = str(data.get("country") or "")
        subdivision = str(data.get("subdivision") or "")
        if country:
            year = timezone.localdate().year
            try:
                public_holidays(country, subdivision, range(year, year + 1))
            except (ValueError, KeyError, NotImplementedError):
                raise forms.ValidationError(
                    _("No public holidays are known for %(country)s %(subdivision)s."),
                    params={"country": country, "subdivision": subdivision},
                ) from None
        return data


class OpeningIntervalFormSet(forms.BaseInlineFormSet[Any, Any, Any]):
    """Refuses overlapping opening hours before anything is saved."""

    def clean(self) -> None:
        super().clean()
        intervals = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or data.get("start") is None or data.get("end") is None:
                continue
            intervals.append(WeeklyInterval(int(data["weekday"]), data["start"], data["end"]))
        try:
            BusinessCalendar(intervals=tuple(intervals))
        except ValueError as error:
            raise forms.ValidationError(_("Opening hours overlap.")) from error


def _choices_field(label: Any, choices: Any, coerce: Any = str) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=label,
        choices=choices,
        coerce=coerce,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: any."),
    )


class SlaPolicyForm(forms.ModelForm[SlaPolicy]):
    priorities = _choices_field(_("priorities"), Priority.choices, int)
    channels = _choices_field(_("channels"), Channel.choices)
    ticket_types = _choices_field(_("types"), TicketType.choices)
    pause_statuses = _choices_field(
        _("statuses that pause resolution"),
        [(value, label) for value, label in Status.choices if value not in ("solved", "closed")],
    )
    languages = forms.CharField(
        label=_("customer languages"),
        required=False,
        help_text=_("Comma-separated codes, e.g. de, en. Empty: any."),
    )

    class Meta:
        model = SlaPolicy
        fields = [
            "name",
            "position",
            "is_active",
            "calendar",
            "priorities",
            "teams",
            "levels",
            "channels",
            "ticket_types",
            "key_accounts_only",
            "organisations",
            "languages",
            "first_response_minutes",
            "next_response_minutes",
            "resolution_minutes",
            "pause_statuses",
            "warning_share",
            "breach_raise_priority",
            "breach_assign_lead",
            "breach_escalate",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = ", ".join(self.instance.languages or [])

    def clean_languages(self) -> list[str]:
        raw = str(self.cleaned_data.get("languages") or "")
        return sorted({code.strip().lower() for code in raw.split(",") if code.strip()})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        targets = ("first_response_minutes", "next_response_minutes", "resolution_minutes")
        if not any(data.get(name) for name in targets):
            raise forms.ValidationError(_("A policy needs at least one target."))
        return data
