"""SLA clocks of tickets (being built: calendars, policies, targets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tierdesk.tickets.models import Ticket


def sla_recompute(ticket: Ticket) -> None:
    """Recompute the ticket's SLA targets after a change. No policies exist yet."""
