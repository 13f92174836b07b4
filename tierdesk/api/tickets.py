"""Ticket endpoints: open, list, read, change, write, escalate and hand back.

Each endpoint parses its input, reads through the permission-scoped selectors and
changes through one ticket service; errors become JSON in ``tierdesk.api.errors``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import P, Router
from ninja import Status as Respond
from ninja.params import HeaderEx, PathEx, QueryEx

from tierdesk.accounts.models import User
from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.api.auth import request_user
from tierdesk.api.output import message_out, ticket_created_out, ticket_detail_out, ticket_out
from tierdesk.api.references import level_by_code, team_by_slug, user_by_username
from tierdesk.api.schemas import (
    ErrorOut,
    EscalateIn,
    LevelChangeIn,
    MessageIn,
    MessageOut,
    Text,
    TicketCreatedOut,
    TicketCreateIn,
    TicketDetailOut,
    TicketOut,
    TicketPageOut,
    TicketUpdateIn,
)
from tierdesk.api.versions import expected_version, set_etag
from tierdesk.customers.services import customer_get_or_create_by_email
from tierdesk.sla.selectors import sla_targets_for_tickets
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import Channel, Status
from tierdesk.tickets.selectors import queue, ticket_for
from tierdesk.tickets.services import (
    ticket_add_note,
    ticket_create,
    ticket_customer_message,
    ticket_de_escalate,
    ticket_escalate,
    ticket_reply,
    ticket_update,
)

router = Router(tags=["tickets"])

MAX_TICKET_NUMBER = 2**63 - 1
MAX_OFFSET = 2**31 - 1
TicketNumber = PathEx[int, P(ge=1, le=MAX_TICKET_NUMBER, description="The number, e.g. 10234.")]
IfMatch = HeaderEx[
    str | None, P(alias="If-Match", description='The ticket version from its ETag, e.g. "3".')
]


def _errors(*codes: int) -> dict[int, Any]:
    return {code: ErrorOut for code in (401, 422, *codes)}


@router.post(
    "/tickets",
    response={201: TicketCreatedOut, **_errors(400, 403, 413)},
    summary="Open a ticket",
    description="Agents open tickets for any customer_email (an unknown address becomes a "
    "new customer); a customer's token opens tickets only for itself. Team, priority and "
    "type not given are decided by the routing rules; agents get the reasons in routing. "
    "Channel defaults to api.",
)
def create_ticket(request: HttpRequest, payload: TicketCreateIn) -> Respond[TicketCreatedOut]:
    user = request_user(request)
    # A customer created for the address is kept only if the ticket is, too.
    with transaction.atomic():
        requester = _requester(user, payload)
        ticket = ticket_create(
            requester=requester,
            actor=user,
            subject=payload.subject,
            body=payload.body,
            channel=payload.channel,
            team=team_by_slug(payload.team) if payload.team else None,
            priority=payload.priority.as_number() if payload.priority else None,
            ticket_type=payload.type,
            attachments=[attachment.to_upload() for attachment in payload.attachments],
        )
    return Respond(201, ticket_created_out(ticket, viewer=user))


def _requester(user: User, payload: TicketCreateIn) -> User:
    if is_desk_staff(user):
        if not payload.customer_email:
            raise InvalidChange(_("customer_email is required when an agent opens a ticket."))
        return customer_get_or_create_by_email(email=payload.customer_email)
    if payload.customer_email and payload.customer_email.lower() != user.email.lower():
        raise NotAllowed(
            _("A customer's token opens tickets only for its own address (%(email)s).")
            % {"email": user.email}
        )
    if payload.team or payload.priority:
        raise NotAllowed(_("Customers cannot choose team or priority; tierdesk routes requests."))
    return user


@router.get(
    "/tickets",
    response={200: TicketPageOut, **_errors()},
    summary="List tickets",
    description="The tickets the token's user may see, in working order (priority, then "
    "oldest first). All statuses unless status or open_only is given.",
)
def list_tickets(
    request: HttpRequest,
    team: QueryEx[Text | None, P(max_length=40, description="Team slug.")] = None,
    level: QueryEx[Text | None, P(max_length=20, description="Level code, e.g. L2.")] = None,
    status: Status | None = None,
    assignee: QueryEx[Text | None, P(max_length=150, description="Username.")] = None,
    channel: Channel | None = None,
    q: QueryEx[Text | None, P(max_length=200, description="Number, subject or customer.")] = None,
    open_only: QueryEx[bool, P(description="Only new, open, waiting, on-hold tickets.")] = False,
    limit: QueryEx[int, P(ge=1, le=200)] = 50,
    offset: QueryEx[int, P(ge=0, le=MAX_OFFSET)] = 0,
) -> TicketPageOut:
    user = request_user(request)
    tickets = queue(
        user,
        team_slug=team_by_slug(team, active_only=False).slug if team else None,
        level_code=level_by_code(level).code if level else None,
        status=status,
        assignee_id=user_by_username(assignee).pk if assignee else None,
        channel=channel,
        search=q,
        open_only=open_only,
    )
    page = list(tickets.prefetch_related("tags")[offset : offset + limit])
    clocks = sla_targets_for_tickets([ticket.pk for ticket in page])
    return TicketPageOut(
        count=tickets.count(),
        limit=limit,
        offset=offset,
        items=[ticket_out(ticket, clocks=clocks.get(ticket.pk, [])) for ticket in page],
    )


@router.get(
    "/tickets/{number}",
    response={200: TicketDetailOut, **_errors(404)},
    summary="Read a ticket",
    description="With messages (customers: public ones only), and for agents the timeline "
    "and escalations. The ETag header carries the version.",
)
def get_ticket(
    request: HttpRequest, response: HttpResponse, number: TicketNumber
) -> TicketDetailOut:
    user = request_user(request)
    ticket = ticket_for(user, number)
    set_etag(response, ticket.version)
    return ticket_detail_out(ticket, viewer=user)


@router.patch(
    "/tickets/{number}",
    response={200: TicketOut, **_errors(400, 403, 404, 409)},
    summary="Change a ticket (agents)",
    description="Send any of status, priority, assignee, team, type, tags, and the version "
    "you saw (or If-Match). If the ticket changed since, 409 with current_version.",
)
def update_ticket(
    request: HttpRequest,
    response: HttpResponse,
    payload: TicketUpdateIn,
    number: TicketNumber,
    if_match: IfMatch = None,
) -> TicketOut:
    user = request_user(request)
    ticket = ticket_for(user, number)
    version = expected_version(payload.version, if_match)
    if not is_desk_staff(user):
        raise NotAllowed(_("Only agents can change tickets."))
    ticket_update(ticket, actor=user, expected_version=version, **_changes(payload))
    set_etag(response, ticket.version)
    return ticket_out(ticket)


def _changes(payload: TicketUpdateIn) -> dict[str, Any]:
    """The service's keyword arguments for the fields the client sent."""
    sent = payload.model_fields_set
    changes: dict[str, Any] = {}
    if "status" in sent:
        changes["status"] = payload.status
    if "priority" in sent and payload.priority is not None:
        changes["priority"] = payload.priority.as_number()
    if "assignee" in sent:
        changes["assignee"] = user_by_username(payload.assignee) if payload.assignee else None
    if "team" in sent and payload.team is not None:
        changes["team"] = team_by_slug(payload.team)
    if "type" in sent:
        changes["ticket_type"] = payload.type
    if "tags" in sent:
        changes["tags"] = payload.tags
    return changes


@router.post(
    "/tickets/{number}/messages",
    response={201: MessageOut, **_errors(403, 404, 413)},
    summary="Write on a ticket",
    description="Agents: public=true is a reply to the customer (refused for Third Level), "
    "public=false an internal note. Customers: their own message, public=true only.",
)
def add_message(
    request: HttpRequest, response: HttpResponse, payload: MessageIn, number: TicketNumber
) -> Respond[MessageOut]:
    user = request_user(request)
    ticket = ticket_for(user, number)
    uploads = [attachment.to_upload() for attachment in payload.attachments]
    if payload.status is not None and not (is_desk_staff(user) and payload.public):
        raise InvalidChange(_("status can be set only with an agent's public reply."))
    if payload.time_spent_minutes is not None and not is_desk_staff(user):
        raise InvalidChange(_("Only agents record time spent."))
    minutes = payload.time_spent_minutes
    if is_desk_staff(user) and payload.public:
        message = ticket_reply(
            ticket,
            actor=user,
            body=payload.body,
            attachments=uploads,
            new_status=payload.status,
            minutes_spent=minutes,
        )
    elif is_desk_staff(user):
        message = ticket_add_note(
            ticket, actor=user, body=payload.body, attachments=uploads, minutes_spent=minutes
        )
    elif payload.public:
        message = ticket_customer_message(
            ticket, author=user, body=payload.body, attachments=uploads, channel=Channel.API
        )
    else:
        raise NotAllowed(_("Customers cannot write internal notes; send public: true."))
    set_etag(response, ticket.version)
    return Respond(201, message_out(message, ticket_version=ticket.version))


@router.post(
    "/tickets/{number}/escalate",
    response={200: TicketOut, **_errors(400, 403, 404, 409)},
    summary="Escalate to a higher level (agents)",
    description="Needs a reason; the summary is the hand-over for the next level. The ticket "
    "goes to to_team, by default the team the escalation paths suggest for the level "
    "(escalation_targets in the ticket). Escalating to a level that does not write to "
    "customers keeps the escalating agent as the customer's contact.",
)
def escalate(
    request: HttpRequest,
    response: HttpResponse,
    payload: EscalateIn,
    number: TicketNumber,
    if_match: IfMatch = None,
) -> TicketOut:
    to_team = team_by_slug(payload.to_team) if payload.to_team else None
    return _change_level(
        ticket_escalate, request, response, payload, number, if_match, to_team=to_team
    )


@router.post(
    "/tickets/{number}/de-escalate",
    response={200: TicketOut, **_errors(400, 403, 404, 409)},
    summary="Hand back to a lower level (agents)",
    description="E.g. Third Level's findings to Second Level, which relays them.",
)
def de_escalate(
    request: HttpRequest,
    response: HttpResponse,
    payload: LevelChangeIn,
    number: TicketNumber,
    if_match: IfMatch = None,
) -> TicketOut:
    return _change_level(ticket_de_escalate, request, response, payload, number, if_match)


def _change_level(
    move: Callable[..., object],
    request: HttpRequest,
    response: HttpResponse,
    payload: LevelChangeIn,
    number: int,
    if_match: str | None,
    **options: Any,
) -> TicketOut:
    """Escalate or hand back through ``move``, with the version the client saw."""
    user = request_user(request)
    ticket = ticket_for(user, number)
    move(
        ticket,
        actor=user,
        to_level=payload.to_level,
        reason=payload.reason,
        summary=payload.summary,
        expected_version=expected_version(payload.version, if_match),
        **options,
    )
    set_etag(response, ticket.version)
    return ticket_out(ticket)
