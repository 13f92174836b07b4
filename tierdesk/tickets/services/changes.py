"""Changing a ticket's fields: status, priority, assignee, team, type, tags."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from tierdesk.accounts.models import Role
from tierdesk.accounts.permissions import is_desk_staff, is_manager
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Priority, Tag, Ticket, TicketType
from tierdesk.tickets.services.base import (
    UNSET,
    _Unset,
    lock_ticket,
    publish,
    record_event,
    refresh_from,
    save_ticket,
    set_status,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Team


def ticket_update(
    ticket: Ticket,
    *,
    actor: User,
    expected_version: int | None,
    status: str | _Unset = UNSET,
    priority: int | _Unset = UNSET,
    assignee: User | _Unset | None = UNSET,
    team: Team | _Unset = UNSET,
    ticket_type: str | _Unset = UNSET,
    tags: Iterable[str] | _Unset = UNSET,
) -> Ticket:
    """Apply several field changes at once, each written to the timeline.

    ``expected_version`` is the version the actor saw; if someone else saved in
    between, ``TicketConflict`` is raised and nothing is changed.
    """
    if not is_desk_staff(actor):
        raise NotAllowed(_("Only agents can change tickets."))
    with transaction.atomic():
        current = lock_ticket(ticket, expected_version)
        changed: list[str] = []
        if not isinstance(status, _Unset) and status != current.status:
            changed += set_status(current, actor, status)
        if not isinstance(priority, _Unset) and priority != current.priority:
            changed += _set_priority(current, actor, priority)
        if not isinstance(assignee, _Unset) and _pk(assignee) != current.assignee_id:
            changed += _set_assignee(current, actor, assignee)
        if not isinstance(team, _Unset) and team.pk != current.team_id:
            record_event(current, actor, EventKind.TEAM, old=current.team.slug, new=team.slug)
            current.team = team
            changed.append("team")
        if not isinstance(ticket_type, _Unset) and ticket_type != current.type:
            if ticket_type not in TicketType.values:
                raise InvalidChange(_("Unknown type “%(type)s”.") % {"type": ticket_type})
            record_event(current, actor, EventKind.TYPE, old=current.type, new=ticket_type)
            current.type = ticket_type
            changed.append("type")
        tags_changed = not isinstance(tags, _Unset) and _set_tags(current, actor, tags)
        if changed or tags_changed:
            save_ticket(current, changed)
            publish("ticket.updated", current, fields=sorted(set(changed)), tags=tags_changed)
    refresh_from(ticket, current)
    return ticket


def _pk(user: User | None) -> int | None:
    return user.pk if user is not None else None


def _set_priority(ticket: Ticket, actor: User, priority: int) -> list[str]:
    if priority not in Priority.values:
        raise InvalidChange(_("Unknown priority “%(priority)s”.") % {"priority": priority})
    record_event(
        ticket,
        actor,
        EventKind.PRIORITY,
        old=Priority(ticket.priority).name.lower(),
        new=Priority(priority).name.lower(),
    )
    ticket.priority = priority
    return ["priority"]


def _set_assignee(ticket: Ticket, actor: User, assignee: User | None) -> list[str]:
    if assignee is not None:
        if not is_desk_staff(assignee):
            raise InvalidChange(_("%(name)s is not an agent.") % {"name": assignee.display_name})
        profile = getattr(assignee, "agent_profile", None)
        if profile is not None and profile.level_id != ticket.level_id:
            raise InvalidChange(
                _(
                    "%(name)s works at %(agent_level)s, the ticket is at %(ticket_level)s. Escalate it first."
                )
                % {
                    "name": assignee.display_name,
                    "agent_level": profile.level.code,
                    "ticket_level": ticket.level.code,
                }
            )
        _check_workload_protection(ticket, actor, assignee)
    record_event(
        ticket,
        actor,
        EventKind.ASSIGNEE,
        old=ticket.assignee.username if ticket.assignee else None,
        new=assignee.username if assignee else None,
    )
    ticket.assignee = assignee
    return ["assignee"]


def _check_workload_protection(ticket: Ticket, actor: User, assignee: User) -> None:
    """A colleague who is away or at their cap is not given work by hand either.

    Taking a ticket oneself is always allowed; team leads and managers may
    override the protection when they decide someone must take it.
    """
    from tierdesk.routing.selectors import why_not_hand_to

    if assignee.pk == actor.pk or is_manager(actor) or actor.role == Role.TEAM_LEAD:
        return
    reason = why_not_hand_to(assignee, ticket)
    if reason is not None:
        raise InvalidChange(
            _("%(reason)s Choose someone else, or ask a team lead.") % {"reason": reason}
        )


def _set_tags(ticket: Ticket, actor: User, names: Iterable[str]) -> bool:
    wanted = sorted({name.strip().lower() for name in names if name.strip()})
    old = sorted(ticket.tags.values_list("name", flat=True))
    if wanted == old:
        return False
    tags = [Tag.objects.get_or_create(name=name)[0] for name in wanted]
    ticket.tags.set(tags)
    record_event(ticket, actor, EventKind.TAGS, old=old, new=wanted)
    return True


def ticket_assign(
    ticket: Ticket, *, actor: User, assignee: User | None, expected_version: int | None = None
) -> Ticket:
    return ticket_update(ticket, actor=actor, assignee=assignee, expected_version=expected_version)


def ticket_change_status(
    ticket: Ticket, *, actor: User, status: str, expected_version: int | None = None
) -> Ticket:
    return ticket_update(ticket, actor=actor, status=status, expected_version=expected_version)
