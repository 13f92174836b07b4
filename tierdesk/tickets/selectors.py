"""Permission-scoped reads of tickets. Every interface reads tickets through these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import F, Q, QuerySet

from tierdesk.accounts.models import Role
from tierdesk.accounts.permissions import is_desk_staff, is_manager
from tierdesk.tickets.models import OPEN_STATUSES, Escalation, HelpRequest, Ticket

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

LIST_RELATIONS = ("requester", "assignee", "team", "level", "organisation")
QUEUE_ORDERS = {
    "due": (F("sla_due_at").asc(nulls_last=True), "-priority", "created_at", "id"),
    "priority": ("-priority", "created_at", "id"),
    "newest": ("-created_at", "-id"),
}


def tickets_visible_to(user: User) -> QuerySet[Ticket]:
    """All tickets ``user`` may see.

    Customers see only what they requested. Agents and team leads see the tickets
    of their teams, those assigned to them, those they were asked to help on, and
    those they escalated to Third Level (they stay the customer's contact, also
    when an escalation path moved the ticket to another team).
    The service manager and admins see everything.
    """
    tickets = Ticket.objects.all()
    if not user.is_authenticated or not user.is_active:
        return tickets.none()
    if is_manager(user):
        return tickets
    if user.role == Role.CUSTOMER:
        return tickets.filter(requester=user)
    if not is_desk_staff(user):
        return tickets.none()
    helped = HelpRequest.objects.filter(helper=user).values("ticket_id")
    team_ids = user.team_memberships.values("team_id")
    return tickets.filter(
        Q(team__in=team_ids) | Q(assignee=user) | Q(pk__in=helped) | relayed_by(user)
    )


def relayed_by(user: User) -> Q:
    """Tickets at a level that does not write to customers, which ``user`` escalated there.

    ``user`` stays the customer's contact for them and relays.
    """
    escalated = Escalation.objects.filter(
        actor=user, from_level__talks_to_customers=True, to_level__talks_to_customers=False
    ).values("ticket_id")
    return Q(pk__in=escalated, level__talks_to_customers=False)


def ticket_for(user: User, number: int, *, for_update: bool = False) -> Ticket:
    """The ticket with ``number`` if ``user`` may see it, else ``Ticket.DoesNotExist``.

    Not-visible and not-existing look the same, so numbers leak nothing.
    """
    tickets = tickets_visible_to(user).select_related(*LIST_RELATIONS)
    return tickets.get(number=number)


def queue(
    user: User,
    *,
    team_slug: str | None = None,
    level_code: str | None = None,
    status: str | None = None,
    assignee_id: int | None = None,
    unassigned: bool = False,
    mine: bool = False,
    channel: str | None = None,
    search: str | None = None,
    open_only: bool = True,
    order: str = "due",
) -> QuerySet[Ticket]:
    """Tickets for a queue view or list endpoint, in the order agents should work them.

    ``order`` is ``"due"`` (soonest SLA due time first, then priority; tickets with
    no running clock last — uses the team/status/due index), ``"priority"``, or
    ``"newest"``.
    """
    tickets = tickets_visible_to(user).select_related(*LIST_RELATIONS)
    if team_slug:
        tickets = tickets.filter(team__slug=team_slug)
    if level_code:
        tickets = tickets.filter(level__code=level_code)
    if status:
        tickets = tickets.filter(status=status)
    elif open_only:
        tickets = tickets.filter(status__in=OPEN_STATUSES)
    if assignee_id is not None:
        tickets = tickets.filter(assignee_id=assignee_id)
    if unassigned:
        tickets = tickets.filter(assignee__isnull=True)
    if mine:
        tickets = tickets.filter(assignee=user)
    if channel:
        tickets = tickets.filter(channel=channel)
    if search:
        tickets = tickets.filter(_search_condition(search))
    return tickets.order_by(*QUEUE_ORDERS.get(order, QUEUE_ORDERS["due"]))


def _search_condition(search: str) -> Q:
    term = search.strip().lstrip("#")
    condition = (
        Q(subject__icontains=term)
        | Q(requester__email__icontains=term)
        | Q(requester__first_name__icontains=term)
        | Q(requester__last_name__icontains=term)
        | Q(organisation__name__icontains=term)
    )
    if term.isdigit():
        condition |= Q(number=int(term))
    return condition


def open_help_requests_for(user: User) -> QuerySet[HelpRequest]:
    return HelpRequest.objects.filter(helper=user, answered_at__isnull=True).select_related(
        "ticket", "requested_by"
    )


def problems_visible_to(user: User) -> QuerySet[Ticket]:
    from tierdesk.tickets.models import TicketType

    return (
        tickets_visible_to(user)
        .filter(type=TicketType.PROBLEM)
        .select_related(*LIST_RELATIONS)
        .order_by("-created_at")
    )
