"""Moving tickets between support levels: up with a reason and a hand-over, and back down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.core.html import clean_text
from tierdesk.notifications.services import notify_team_leads
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import Escalation, EventKind, Status, Ticket
from tierdesk.tickets.services.base import (
    lock_ticket,
    publish,
    record_event,
    refresh_from,
    save_ticket,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Level


def _target_level(code_or_level: str | Level) -> Level:
    from tierdesk.teams.models import Level

    if isinstance(code_or_level, Level):
        return code_or_level
    try:
        return Level.objects.get(code=code_or_level)
    except Level.DoesNotExist:
        raise InvalidChange(_("There is no level “%(code)s”.") % {"code": code_or_level}) from None


def ticket_escalate(
    ticket: Ticket,
    *,
    actor: User,
    to_level: str | Level,
    reason: str,
    summary: str = "",
    expected_version: int | None = None,
) -> Escalation:
    """Hand the ticket to a higher level's queue, with the reason and a hand-over summary.

    The ticket leaves the actor's hands (unassigned) and shows in the target
    level's queue of the same team; the team leads are told.
    """
    reason, summary = clean_text(reason), clean_text(summary)
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can escalate."))
    if not reason.strip():
        raise InvalidChange(_("An escalation needs a reason."))
    target = _target_level(to_level)
    if not target.holds_queue:
        raise InvalidChange(_("%(level)s holds no ticket queue.") % {"level": target.code})
    with transaction.atomic():
        current = lock_ticket(ticket, expected_version)
        if current.status in (Status.SOLVED, Status.CLOSED):
            if current.status == Status.SOLVED:
                refusal = _("Ticket #%(number)s is solved; reopen it first.")
            else:
                refusal = _("Ticket #%(number)s is closed; reopen it first.")
            raise InvalidChange(refusal % {"number": current.number})
        if target.rank <= current.level.rank:
            raise InvalidChange(
                _("Ticket #%(number)s is at %(level)s; escalation goes up, not to %(target)s.")
                % {"number": current.number, "level": current.level.code, "target": target.code}
            )
        escalation = _move(current, actor, target, reason, summary, EventKind.ESCALATED)
        current.assignee = None
        fields = ["level", "assignee"]
        if current.status == Status.NEW:
            current.status = Status.OPEN
            fields.append("status")
        save_ticket(current, fields)
        publish("ticket.escalated", current, old=escalation.from_level.code, new=target.code)
        notify_team_leads(
            current.team,
            current,
            kind="escalated",
            text=f"#{current.number} escalated to {target.code}: {reason.strip()[:200]}",
        )
    refresh_from(ticket, current)
    return escalation


def ticket_de_escalate(
    ticket: Ticket,
    *,
    actor: User,
    to_level: str | Level,
    reason: str,
    summary: str = "",
    expected_version: int | None = None,
) -> Escalation:
    """Hand the ticket back down, e.g. Third Level's findings to Second Level to relay.

    It goes back to the agent who escalated it from that level, if there was one.
    """
    reason, summary = clean_text(reason), clean_text(summary)
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can hand tickets back."))
    if not reason.strip():
        raise InvalidChange(_("Handing a ticket back needs a reason."))
    target = _target_level(to_level)
    with transaction.atomic():
        current = lock_ticket(ticket, expected_version)
        if target.rank >= current.level.rank or not target.holds_queue:
            raise InvalidChange(
                _("Ticket #%(number)s is at %(level)s; it cannot be handed back to %(target)s.")
                % {"number": current.number, "level": current.level.code, "target": target.code}
            )
        previous_owner = (
            Escalation.objects.filter(ticket=current, from_level=target)
            .order_by("-created_at", "-id")
            .values_list("actor", flat=True)
            .first()
        )
        escalation = _move(current, actor, target, reason, summary, EventKind.DE_ESCALATED)
        current.assignee_id = previous_owner
        save_ticket(current, ["level", "assignee"])
        publish("ticket.escalated", current, old=escalation.from_level.code, new=target.code)
    refresh_from(ticket, current)
    return escalation


def _move(
    ticket: Ticket, actor: User, target: Level, reason: str, summary: str, kind: EventKind
) -> Escalation:
    escalation = Escalation.objects.create(
        ticket=ticket,
        from_level=ticket.level,
        to_level=target,
        reason=reason.strip(),
        summary=summary.strip(),
        actor=actor,
    )
    record_event(
        ticket,
        actor,
        kind,
        old=ticket.level.code,
        new=target.code,
        reason=reason.strip(),
        summary=summary.strip(),
    )
    ticket.level = target
    return escalation
