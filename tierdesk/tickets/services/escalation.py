"""Moving tickets between support levels: up with a reason and a hand-over, and back down.

Going up, the ticket moves to the team the escalation paths name for the target
level (e.g. Customer Support's Third Level is the product's engineering group),
unless the agent chooses another. Going to a level that does not write to
customers (Third Level), the escalating agent stays the customer's contact and
keeps seeing the ticket; handing back returns it to that agent and team.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    from tierdesk.teams.models import Level, Team

# How the team of an escalation was chosen (kept in the timeline event when it changes).
TEAM_BY_PATH = "path"
TEAM_BY_AGENT = "agent"


def _target_level(code_or_level: str | Level) -> Level:
    from tierdesk.teams.models import Level

    if isinstance(code_or_level, Level):
        return code_or_level
    try:
        return Level.objects.get(code=code_or_level)
    except Level.DoesNotExist:
        raise InvalidChange(_("There is no level “%(code)s”.") % {"code": code_or_level}) from None


def _team_of_escalation(
    ticket: Ticket, target: Level, to_team: Team | None
) -> tuple[Team, dict[str, Any]]:
    """The team the ticket goes to, and how it was chosen (for the timeline)."""
    from tierdesk.routing.selectors import escalation_suggestions

    suggestion = escalation_suggestions(ticket, [target])[0]
    if to_team is not None and to_team.pk != suggestion.team.pk:
        if not to_team.is_active:
            raise InvalidChange(
                _("The team %(team)s is not active.") % {"team": to_team.localized_name}
            )
        return to_team, {"team_by": TEAM_BY_AGENT, "suggested_team": suggestion.team.slug}
    if suggestion.from_path:
        product = suggestion.product.code if suggestion.product else ""
        return suggestion.team, {"team_by": TEAM_BY_PATH, "path_product": product}
    return suggestion.team, {}


def ticket_escalate(
    ticket: Ticket,
    *,
    actor: User,
    to_level: str | Level,
    reason: str,
    summary: str = "",
    to_team: Team | None = None,
    expected_version: int | None = None,
) -> Escalation:
    """Hand the ticket to a higher level's queue, with the reason and a hand-over summary.

    The ticket leaves the actor's hands (unassigned) and shows in the target
    level's queue of ``to_team``, by default the team the escalation paths
    suggest (or its own team); the leads of the teams concerned are told. When
    the target level does not write to customers, the actor stays their contact.
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
        old_team = current.team
        team, how = _team_of_escalation(current, target, to_team)
        escalation = _move(
            current, actor, target, reason, summary, EventKind.ESCALATED, team=team, **how
        )
        current.assignee = None
        fields = ["level", "team", "assignee"]
        if current.status == Status.NEW:
            current.status = Status.OPEN
            fields.append("status")
        save_ticket(current, fields)
        publish("ticket.escalated", current, old=escalation.from_level.code, new=target.code)
        text = f"#{current.number} escalated to {target.code}"
        if team.pk != old_team.pk:
            text += f" ({old_team.slug} → {team.slug})"
        for lead_team in {old_team.pk: old_team, team.pk: team}.values():
            notify_team_leads(
                lead_team, current, kind="escalated", text=f"{text}: {reason.strip()[:200]}"
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

    It goes back to the agent who escalated it from that level, if there was one,
    and to the team it was in then (an escalation path may have moved it).
    """
    from tierdesk.routing.selectors import team_before_escalation
    from tierdesk.teams.models import Team

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
        earlier_slug = team_before_escalation(current, target)
        earlier_team = (
            Team.objects.filter(slug=earlier_slug, is_active=True).first() if earlier_slug else None
        )
        team = earlier_team or current.team
        escalation = _move(
            current, actor, target, reason, summary, EventKind.DE_ESCALATED, team=team
        )
        current.assignee_id = previous_owner
        save_ticket(current, ["level", "team", "assignee"])
        publish("ticket.escalated", current, old=escalation.from_level.code, new=target.code)
    refresh_from(ticket, current)
    return escalation


def _move(
    ticket: Ticket,
    actor: User,
    target: Level,
    reason: str,
    summary: str,
    kind: EventKind,
    *,
    team: Team,
    **team_details: Any,
) -> Escalation:
    """Record the move and its event, with the team when a path or the agent chose it."""
    moved = (
        {"old_team": ticket.team.slug, "new_team": team.slug, **team_details}
        if team_details or team.pk != ticket.team_id
        else {}
    )
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
        **moved,
    )
    ticket.level = target
    ticket.team = team
    return escalation
