"""Reads of SLA clocks for the ticket view, queues and the API.

Callers pass tickets they already read through the ticket selectors, so the
permission check has happened; these functions only add the clocks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, QuerySet
from django.utils import timezone

from tierdesk.sla.models import (
    Calendar,
    CalendarException,
    OpeningInterval,
    SlaPolicy,
    TargetName,
    TargetState,
    TicketSlaTarget,
)
from tierdesk.tickets.models import Ticket

# Order in which the clocks are shown.
_ORDER: dict[str, int] = {
    TargetName.FIRST_RESPONSE: 0,
    TargetName.NEXT_RESPONSE: 1,
    TargetName.RESOLUTION: 2,
}


@dataclass(frozen=True)
class SlaTargetView:
    """One clock as shown: ``state`` is as of now (a running clock past due is breached)."""

    name: str
    label: str
    due_at: datetime | None
    business_minutes_used: float
    target_minutes: int
    state: str
    seconds_left: float | None
    warned: bool

    @property
    def urgency(self) -> str:
        """CSS-friendly colour class: ok, warning, breached, paused or met."""
        if self.state == TargetState.BREACHED:
            return "breached"
        if self.state in (TargetState.MET, TargetState.PAUSED):
            return str(self.state)
        return "warning" if self.warned else "ok"

    def as_api(self) -> dict[str, object]:
        """The ticket API's ``sla`` entry."""
        return {
            "name": self.name,
            "due_at": self.due_at,
            "business_minutes_used": self.business_minutes_used,
            "state": self.state,
        }


def _view(row: TicketSlaTarget, now: datetime) -> SlaTargetView:
    state = row.state
    if state == TargetState.RUNNING and row.due_at is not None and row.due_at <= now:
        state = TargetState.BREACHED
    running = state in (TargetState.RUNNING, TargetState.BREACHED) and row.met_at is None
    warned = row.warned_at is not None or (row.warn_at is not None and row.warn_at <= now)
    return SlaTargetView(
        name=row.name,
        label=str(TargetName(row.name).label),
        due_at=row.due_at,
        business_minutes_used=row.business_minutes_used,
        target_minutes=row.target_minutes,
        state=str(state),
        seconds_left=(row.due_at - now).total_seconds()
        if running and row.due_at is not None
        else None,
        warned=warned,
    )


def sla_targets_for(ticket: Ticket, *, now: datetime | None = None) -> list[SlaTargetView]:
    """The clocks of one ticket, first response, next response, resolution (one query)."""
    return sla_targets_for_tickets([ticket.pk], now=now).get(ticket.pk, [])


def sla_targets_for_tickets(
    ticket_ids: Iterable[int], *, now: datetime | None = None
) -> dict[int, list[SlaTargetView]]:
    """Clocks of many tickets at once, for a queue page (one query)."""
    now = now or timezone.now()
    views: dict[int, list[SlaTargetView]] = defaultdict(list)
    rows = TicketSlaTarget.objects.filter(ticket_id__in=list(ticket_ids))
    for row in sorted(rows, key=lambda item: (item.ticket_id, _ORDER.get(item.name, 9))):
        views[row.ticket_id].append(_view(row, now))
    return dict(views)


def order_by_sla_due(tickets: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """Most urgent first: soonest SLA due time, tickets without a running clock last.

    Uses the (team, status, sla_due_at) index when filtered by team and status.
    """
    return tickets.order_by(F("sla_due_at").asc(nulls_last=True), "created_at", "id")


@dataclass(frozen=True)
class CalendarOverview:
    calendar: Calendar
    intervals: tuple[OpeningInterval, ...]
    exceptions: tuple[CalendarException, ...]
    upcoming_holidays: tuple[date, ...]
    teams: tuple[str, ...]


@dataclass(frozen=True)
class SettingsOverview:
    calendars: tuple[CalendarOverview, ...]
    policies: tuple[SlaPolicy, ...]


def sla_settings_overview(*, holidays_shown: int = 6) -> SettingsOverview:
    """Calendars with their hours, exceptions and next holidays; policies in order."""
    from tierdesk.sla.calendars import business_calendar

    today = timezone.localdate()
    calendars = []
    for calendar in Calendar.objects.prefetch_related(
        "intervals", "exceptions", "team_links__team"
    ).order_by("name"):
        pure = business_calendar(calendar)
        upcoming = tuple(sorted(day for day in pure.holidays if day >= today)[:holidays_shown])
        calendars.append(
            CalendarOverview(
                calendar=calendar,
                intervals=tuple(calendar.intervals.all()),
                exceptions=tuple(e for e in calendar.exceptions.all() if e.date >= today),
                upcoming_holidays=upcoming,
                teams=tuple(str(link.team) for link in calendar.team_links.all()),
            )
        )
    policies = tuple(
        SlaPolicy.objects.select_related("calendar")
        .prefetch_related("teams", "levels", "organisations")
        .order_by("position", "id")
    )
    return SettingsOverview(calendars=tuple(calendars), policies=policies)
