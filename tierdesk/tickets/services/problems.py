"""Problem records: the unknown root cause behind several tickets, worked by Third Level."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from tierdesk.accounts.permissions import can_record_problems, can_solve_problems
from tierdesk.core.html import text_to_html
from tierdesk.notifications.services import notify, notify_team_leads
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import (
    Channel,
    EventKind,
    Message,
    Status,
    Ticket,
    TicketType,
)
from tierdesk.tickets.services.base import (
    lock_ticket,
    next_ticket_number,
    record_event,
    refresh_from,
    save_ticket,
    set_status,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

WAITING_ON_PROBLEM = (Status.NEW, Status.OPEN, Status.ON_HOLD)


def problem_create(ticket: Ticket, *, actor: User, subject: str, description: str) -> Ticket:
    """Second Level records a rare or unknown problem behind ``ticket`` for Third Level."""
    from tierdesk.teams.models import Level

    if not can_record_problems(actor):
        raise NotAllowed(_("Problem records are made by Second Level (or leads and managers)."))
    if not subject.strip() or not description.strip():
        raise InvalidChange(_("A problem record needs a subject and a description."))
    with transaction.atomic():
        problem = Ticket.objects.create(
            number=next_ticket_number(),
            subject=" ".join(subject.split())[:250],
            requester=actor,
            channel=Channel.WEB,
            team=ticket.team,
            level=Level.objects.get(code="L3"),
            status=Status.OPEN,
            priority=ticket.priority,
            type=TicketType.PROBLEM,
            language=ticket.language,
        )
        Message.objects.create(
            ticket=problem,
            author=actor,
            is_public=False,
            body_html=text_to_html(description),
            body_text=description.strip(),
        )
        record_event(
            problem, actor, EventKind.CREATED, channel="internal", from_ticket=ticket.number
        )
        notify_team_leads(
            problem.team, problem, kind="problem", text=f"New problem record #{problem.number}"
        )
    problem_link_ticket(problem, ticket=ticket, actor=actor)
    return problem


def problem_link_ticket(problem: Ticket, *, ticket: Ticket, actor: User) -> Ticket:
    """Link a ticket to the problem; it waits on hold until the problem is solved."""
    if not can_record_problems(actor) and not can_solve_problems(actor):
        raise NotAllowed(_("Only Second and Third Level link tickets to problems."))
    if problem.type != TicketType.PROBLEM:
        raise InvalidChange(_("#%(number)s is not a problem record.") % {"number": problem.number})
    if ticket.type == TicketType.PROBLEM:
        raise InvalidChange(_("Problem records are not linked to each other."))
    with transaction.atomic():
        current = lock_ticket(ticket, None)
        if current.problem_id == problem.pk:
            return current
        current.problem = problem
        changed = ["problem"]
        if current.status in (Status.NEW, Status.OPEN):
            changed += set_status(current, actor, Status.ON_HOLD)
        record_event(current, actor, EventKind.PROBLEM_LINKED, problem=problem.number)
        record_event(problem, actor, EventKind.PROBLEM_LINKED, ticket=current.number)
        save_ticket(current, changed)
    refresh_from(ticket, current)
    return ticket


def problem_solve(problem: Ticket, *, actor: User, solution: str) -> int:
    """Solve the problem and bring the news to every linked ticket and its agent.

    Each linked ticket gets the solution as an internal note and goes back to
    open, so its (customer-facing) agent can answer the customer. Returns the
    number of linked tickets updated.
    """
    if not can_solve_problems(actor):
        raise NotAllowed(_("Problem records are solved by Third Level."))
    if not solution.strip():
        raise InvalidChange(_("Describe the solution."))
    with transaction.atomic():
        current = lock_ticket(problem, None)
        if current.type != TicketType.PROBLEM:
            raise InvalidChange(
                _("#%(number)s is not a problem record.") % {"number": current.number}
            )
        if current.status in (Status.SOLVED, Status.CLOSED):
            raise InvalidChange(
                _("Problem #%(number)s is solved already.") % {"number": current.number}
            )
        Message.objects.create(
            ticket=current,
            author=actor,
            is_public=False,
            body_html=text_to_html(solution),
            body_text=solution.strip(),
        )
        changed = set_status(current, actor, Status.SOLVED)
        record_event(current, actor, EventKind.PROBLEM_SOLVED, solution=solution.strip())
        save_ticket(current, changed)
        linked = list(
            Ticket.objects.filter(problem=current).select_related("team", "assignee").order_by("pk")
        )
        for ticket in linked:
            _tell_linked_ticket(ticket, current, actor, solution.strip())
    refresh_from(problem, current)
    return len(linked)


def _tell_linked_ticket(ticket: Ticket, problem: Ticket, actor: User, solution: str) -> None:
    locked = lock_ticket(ticket, None)
    note = f"Problem #{problem.number} is solved: {solution}"
    Message.objects.create(
        ticket=locked,
        author=actor,
        is_public=False,
        body_html=text_to_html(note),
        body_text=note,
    )
    record_event(locked, actor, EventKind.PROBLEM_SOLVED, problem=problem.number, solution=solution)
    changed: list[str] = []
    if locked.status in WAITING_ON_PROBLEM and locked.status != Status.OPEN:
        changed = set_status(locked, actor, Status.OPEN)
    save_ticket(locked, changed)
    text = f"Problem #{problem.number} solved — answer the customer on #{locked.number}"
    if locked.assignee is not None:
        notify(locked.assignee, locked, kind="problem_solved", text=text)
    else:
        notify_team_leads(locked.team, locked, kind="problem_solved", text=text)
