"""Time accounting: minutes agents spend on tickets, as Zammad records them."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import MAX_MINUTES_PER_ENTRY, Message, Ticket, TimeEntry
from tierdesk.tickets.services.base import lock_ticket

if TYPE_CHECKING:
    from tierdesk.accounts.models import User


def check_minutes(minutes: object) -> int:
    """The minutes as a whole number in 1 … one day; a clear error otherwise."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise InvalidChange(_("Time spent must be a whole number of minutes."))
    if minutes <= 0:
        raise InvalidChange(_("Time spent must be at least one minute."))
    if minutes > MAX_MINUTES_PER_ENTRY:
        raise InvalidChange(
            _("Time spent cannot exceed %(limit)s minutes in one entry.")
            % {"limit": MAX_MINUTES_PER_ENTRY}
        )
    return minutes


def call_minutes(duration_seconds: int) -> int:
    """A call's duration rounded up to whole minutes (a call of 0 s counts one minute)."""
    return max(1, math.ceil(duration_seconds / 60))


def record_time(
    current: Ticket, *, agent: User, minutes: int, message: Message | None = None
) -> TimeEntry:
    """Write one entry on a locked ticket, with its team, level and channel of now."""
    return TimeEntry.objects.create(
        ticket=current,
        message=message,
        agent=agent,
        team_id=current.team_id,
        level_id=current.level_id,
        channel=message.channel if message is not None else current.channel,
        minutes=minutes,
    )


def time_entry_add(ticket: Ticket, *, actor: User, minutes: int) -> TimeEntry:
    """Time spent on a ticket without a message (research, a call-back that failed)."""
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can record time spent."))
    checked = check_minutes(minutes)
    with transaction.atomic():
        current = lock_ticket(ticket, None)
        return record_time(current, agent=actor, minutes=checked)


def ticket_minutes_spent(ticket: Ticket) -> int:
    """All minutes recorded on the ticket."""
    total = ticket.time_entries.aggregate(total=Sum("minutes"))["total"]
    return int(total or 0)
