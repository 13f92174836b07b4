"""Writing a ticket's past as the ticket services would have written it.

The history is too large to replay through the services one call at a time (that
takes minutes), so each method here mirrors one service call of
``tierdesk.tickets.services``: the same field changes, the same timeline events
with the same ``data`` keys, the same version bumps, at an explicit historical
time. Nothing is saved here: rows are collected in ``Rows`` and bulk-inserted by
``tierdesk.demo.history``. When the service changes, change the mirror with it
(``tests/demo`` compares both on the same scenario).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from tierdesk.core.html import html_to_text, text_to_html
from tierdesk.tickets.models import Channel, EventKind, Priority, Status

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Level, Team


class Horizon(Exception):
    """The story reached the present: the ticket stays in the state it is in now."""


# Plain rows rather than model instances: a model's __init__ and bulk_create's
# per-field preparation cost more than the whole simulation. Ids of tickets and
# messages are given here, so rows can refer to each other before anything is saved.


@dataclass(slots=True, eq=False)
class TicketRow:
    id: int
    number: int
    subject: str
    requester: User
    organisation_id: int | None
    channel: str
    team: Team
    level: Level
    priority: int
    type: str
    language: str
    created_at: datetime
    updated_at: datetime
    status: str = Status.NEW
    assignee: User | None = None
    first_response_at: datetime | None = None
    solved_at: datetime | None = None
    closed_at: datetime | None = None
    csat_score: int | None = None
    merged_into: TicketRow | None = None
    problem: TicketRow | None = None
    version: int = 1

    @property
    def priority_name(self) -> str:
        return Priority(self.priority).name.lower()


@dataclass(slots=True, eq=False)
class MessageRow:
    id: int
    ticket: TicketRow
    author: User
    is_public: bool
    from_customer: bool
    body_html: str
    body_text: str
    channel: str
    created_at: datetime
    call_duration_seconds: int | None = None


@dataclass(slots=True, eq=False)
class EventRow:
    ticket: TicketRow
    actor: User | None
    kind: str
    data: dict[str, Any]
    created_at: datetime


@dataclass(slots=True, eq=False)
class EscalationRow:
    ticket: TicketRow
    from_level: Level
    to_level: Level
    reason: str
    summary: str
    actor: User
    created_at: datetime


@dataclass(slots=True, eq=False)
class HelpRequestRow:
    ticket: TicketRow
    requested_by: User
    helper: User
    question: str
    created_at: datetime
    answer: str = ""
    answered_at: datetime | None = None


@dataclass(slots=True, eq=False)
class LinkRow:
    source: TicketRow
    target: TicketRow
    created_by: User
    created_at: datetime


@dataclass
class Rows:
    """Everything the history inserts, collected before one bulk write."""

    first_ticket_id: int
    first_message_id: int
    tickets: list[TicketRow] = field(default_factory=list)
    messages: list[MessageRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    escalations: list[EscalationRow] = field(default_factory=list)
    help_requests: list[HelpRequestRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    tags: list[tuple[TicketRow, str]] = field(default_factory=list)

    def next_ticket_id(self) -> int:
        return self.first_ticket_id + len(self.tickets)


def _html(body: str) -> tuple[str, str]:
    body_html = text_to_html(body)
    return body_html, html_to_text(body_html)


class TicketRecorder:
    """One ticket's history, written call by call in time order."""

    def __init__(self, rows: Rows, ticket: TicketRow, *, now: datetime) -> None:
        self.rows = rows
        self.ticket = ticket
        self.now = now
        self.last = ticket.created_at
        self._tick = 0
        self.escalations: list[EscalationRow] = []
        self.own_messages: list[MessageRow] = []
        rows.tickets.append(ticket)

    # -- machinery -------------------------------------------------------------------
    def _call(self, at: datetime) -> datetime:
        """Start a service call at ``at`` (at least a second after the previous one)."""
        at = max(at, self.last + timedelta(seconds=1))
        if at > self.now:
            raise Horizon
        self.last = at
        self._tick = 0
        return at

    def _event(self, at: datetime, actor: User | None, kind: str, **data: Any) -> EventRow:
        # Events of one call keep their order through microsecond steps.
        event = EventRow(self.ticket, actor, kind, data, at + timedelta(microseconds=self._tick))
        self._tick += 1
        self.rows.events.append(event)
        return event

    def _save(self, at: datetime) -> None:
        """``save_ticket``: bump the version, set the update time."""
        self.ticket.version += 1
        self.ticket.updated_at = max(self.ticket.updated_at, at)

    def _message(
        self,
        at: datetime,
        author: User,
        body: str,
        *,
        is_public: bool,
        from_customer: bool = False,
        channel: str | None = None,
        call_duration_seconds: int | None = None,
    ) -> MessageRow:
        body_html, body_text = _html(body)
        message = MessageRow(
            id=self.rows.first_message_id + len(self.rows.messages),
            ticket=self.ticket,
            author=author,
            is_public=is_public,
            from_customer=from_customer,
            body_html=body_html,
            body_text=body_text,
            channel=channel or self.ticket.channel,
            created_at=at,
            call_duration_seconds=call_duration_seconds,
        )
        self.rows.messages.append(message)
        self.own_messages.append(message)
        return message

    def _message_event(
        self, at: datetime, actor: User, kind: str, message: MessageRow, **data: Any
    ) -> None:
        self._event(at, actor, kind, message_id=message.id, **data)

    def _set_status(self, at: datetime, actor: User | None, status: str) -> None:
        """``set_status`` of the services, at a historical time."""
        ticket = self.ticket
        old = ticket.status
        ticket.status = status
        if status == Status.SOLVED:
            ticket.solved_at = at
        elif status == Status.CLOSED:
            ticket.closed_at = at
            if ticket.solved_at is None:
                ticket.solved_at = at
        elif old == Status.SOLVED:
            ticket.solved_at = None
        self._event(at, actor, EventKind.STATUS, old=old, new=status)

    # -- ticket_create -----------------------------------------------------------------
    def create(
        self,
        *,
        actor: User,
        body: str,
        reasons: list[str],
        call_duration_seconds: int | None = None,
    ) -> None:
        ticket, at = self.ticket, self.ticket.created_at
        ticket.updated_at = at
        from_customer = actor.pk == ticket.requester.pk
        self._message(
            at,
            actor,
            body,
            is_public=True,
            from_customer=from_customer,
            call_duration_seconds=call_duration_seconds,
        )
        self._event(at, actor, EventKind.CREATED, channel=ticket.channel, subject=ticket.subject)
        self._event(
            at,
            None,
            EventKind.ROUTED,
            team=ticket.team.slug,
            level=ticket.level.code,
            priority=ticket.priority_name,
            type=ticket.type,
            reasons=reasons,
        )

    # -- ticket_update -------------------------------------------------------------------
    def update(
        self,
        at: datetime,
        actor: User | None,
        *,
        status: str | None = None,
        priority: int | None = None,
        assignee: User | None = None,
        team: Team | None = None,
        ticket_type: str | None = None,
        tags: list[str] | None = None,
    ) -> None:
        at = self._call(at)
        ticket = self.ticket
        changed = False
        if status is not None and status != ticket.status:
            self._set_status(at, actor, status)
            changed = True
        if priority is not None and priority != ticket.priority:
            self._event(
                at,
                actor,
                EventKind.PRIORITY,
                old=Priority(ticket.priority).name.lower(),
                new=Priority(priority).name.lower(),
            )
            ticket.priority = priority
            changed = True
        if assignee is not None and assignee != ticket.assignee:
            assert assignee.agent_profile.level == ticket.level, "assignee at another level"
            self._event(
                at,
                actor,
                EventKind.ASSIGNEE,
                old=ticket.assignee.username if ticket.assignee else None,
                new=assignee.username,
            )
            ticket.assignee = assignee
            changed = True
        if team is not None and team != ticket.team:
            self._event(at, actor, EventKind.TEAM, old=ticket.team.slug, new=team.slug)
            ticket.team = team
            changed = True
        if ticket_type is not None and ticket_type != ticket.type:
            self._event(at, actor, EventKind.TYPE, old=ticket.type, new=ticket_type)
            ticket.type = ticket_type
            changed = True
        if tags:  # a ticket's tags are set once in the demo, so "old" is empty
            wanted = sorted({name.strip().lower() for name in tags})
            self._event(at, actor, EventKind.TAGS, old=[], new=wanted)
            self.rows.tags += [(ticket, name) for name in wanted]
            changed = True
        if changed:
            self._save(at)

    # -- messages ------------------------------------------------------------------------
    def reply(self, at: datetime, actor: User, body: str, *, new_status: str | None = None) -> None:
        at = self._call(at)
        ticket = self.ticket
        message = self._message(at, actor, body, is_public=True)
        if ticket.first_response_at is None:
            ticket.first_response_at = at
        self._message_event(at, actor, EventKind.REPLY, message)
        target = new_status or (Status.OPEN if ticket.status == Status.NEW else None)
        if target and target != ticket.status:
            self._set_status(at, actor, target)
        self._save(at)

    def note(self, at: datetime, actor: User, body: str) -> None:
        at = self._call(at)
        message = self._message(at, actor, body, is_public=False)
        self._message_event(at, actor, EventKind.NOTE, message)
        self._save(at)

    def customer_message(self, at: datetime, body: str) -> None:
        at = self._call(at)
        author = self.ticket.requester
        message = self._message(at, author, body, is_public=True, from_customer=True)
        self._message_event(at, author, EventKind.CUSTOMER_MESSAGE, message)
        if self.ticket.status in (Status.PENDING_CUSTOMER, Status.SOLVED):
            self._set_status(at, author, Status.OPEN)
        self._save(at)

    # -- escalation ----------------------------------------------------------------------
    def _move(
        self, at: datetime, actor: User, target: Level, reason: str, summary: str, kind: str
    ) -> None:
        ticket = self.ticket
        escalation = EscalationRow(
            ticket=ticket,
            from_level=ticket.level,
            to_level=target,
            reason=reason,
            summary=summary,
            actor=actor,
            created_at=at,
        )
        self.rows.escalations.append(escalation)
        self.escalations.append(escalation)
        self._event(
            at, actor, kind, old=ticket.level.code, new=target.code, reason=reason, summary=summary
        )
        ticket.level = target

    def escalate(self, at: datetime, actor: User, target: Level, reason: str, summary: str) -> None:
        at = self._call(at)
        assert target.rank > self.ticket.level.rank
        self._move(at, actor, target, reason, summary, EventKind.ESCALATED)
        self.ticket.assignee = None
        if self.ticket.status == Status.NEW:
            self.ticket.status = Status.OPEN
        self._save(at)

    def de_escalate(
        self, at: datetime, actor: User, target: Level, reason: str, summary: str = ""
    ) -> User | None:
        """Back down to ``target``; the agent who escalated it from there gets it again."""
        at = self._call(at)
        assert target.rank < self.ticket.level.rank
        previous = [e.actor for e in self.escalations if e.from_level == target]
        self._move(at, actor, target, reason, summary, EventKind.DE_ESCALATED)
        self.ticket.assignee = previous[-1] if previous else None
        self._save(at)
        return self.ticket.assignee

    # -- collaboration -------------------------------------------------------------------
    def help_request(
        self,
        at: datetime,
        requested_by: User,
        helper: User,
        question: str,
        *,
        answer: str,
        answered_at: datetime,
    ) -> None:
        """``help_request_create`` and, if it is in the past, ``help_request_answer``."""
        at = self._call(at)
        help_request = HelpRequestRow(
            ticket=self.ticket,
            requested_by=requested_by,
            helper=helper,
            question=question,
            created_at=at,
        )
        self.rows.help_requests.append(help_request)
        self._event(at, requested_by, EventKind.HELP_REQUESTED, helper=helper.username,
                    question=question)  # fmt: skip
        self._save(at)
        answered_at = self._call(answered_at)
        help_request.answer, help_request.answered_at = answer, answered_at
        self._message(answered_at, helper, answer, is_public=False, channel=Channel.WEB)
        self._event(answered_at, helper, EventKind.HELP_ANSWERED,
                    requested_by=requested_by.username, answer=answer)  # fmt: skip
        self._save(answered_at)

    def link(self, at: datetime, actor: User, other: TicketRecorder) -> None:
        """``ticket_link``: both tickets get an event; neither version changes."""
        at = self._call(at)
        self.rows.links.append(LinkRow(self.ticket, other.ticket, actor, at))
        self._event(at, actor, EventKind.LINKED, ticket=other.ticket.number)
        other._event(at, actor, EventKind.LINKED, ticket=self.ticket.number)

    def merge_into(self, at: datetime, actor: User, target: TicketRecorder) -> None:
        """``ticket_merge``: this duplicate's messages move to ``target``; it is closed."""
        at = self._call(at)
        moved = 0
        for message in self.own_messages:
            message.ticket = target.ticket
            moved += 1
        target._event(at, actor, EventKind.MERGED, merged_from=self.ticket.number, messages=moved)
        self._event(at, actor, EventKind.MERGED, merged_into=target.ticket.number)
        self.ticket.merged_into = target.ticket
        if self.ticket.status != Status.CLOSED:
            self._set_status(at, actor, Status.CLOSED)
        self._save(at)
        target._save(at)

    def rate(self, at: datetime, score: int, comment: str) -> None:
        """The customer's satisfaction rating (no service writes it yet; kept minimal)."""
        at = self._call(at)
        self.ticket.csat_score = score
        self._event(at, self.ticket.requester, EventKind.CSAT, score=score, comment=comment)
        self._save(at)

    # -- problems ------------------------------------------------------------------------
    def problem_created(self, actor: User, description: str, from_ticket: int) -> None:
        """``problem_create`` on the problem record's side (linking follows separately)."""
        at = self.ticket.created_at
        self.ticket.updated_at = at
        self._message(at, actor, description, is_public=False, channel=Channel.WEB)
        self._event(at, actor, EventKind.CREATED, channel="internal", from_ticket=from_ticket)

    def link_to_problem(self, at: datetime, actor: User, problem: TicketRecorder) -> None:
        """``problem_link_ticket``: the ticket waits on hold for the problem's solution."""
        at = self._call(at)
        self.ticket.problem = problem.ticket
        if self.ticket.status in (Status.NEW, Status.OPEN):
            self._set_status(at, actor, Status.ON_HOLD)
        self._event(at, actor, EventKind.PROBLEM_LINKED, problem=problem.ticket.number)
        problem._event(at, actor, EventKind.PROBLEM_LINKED, ticket=self.ticket.number)
        self._save(at)

    def problem_solve(self, at: datetime, actor: User, solution: str) -> None:
        """``problem_solve`` on the problem record's side."""
        at = self._call(at)
        self._message(at, actor, solution, is_public=False, channel=Channel.WEB)
        self._set_status(at, actor, Status.SOLVED)
        self._event(at, actor, EventKind.PROBLEM_SOLVED, solution=solution)
        self._save(at)

    def problem_solved(self, at: datetime, actor: User, problem: TicketRow, solution: str) -> None:
        """``problem_solve`` on each linked ticket's side: a note, and back to open."""
        at = self._call(at)
        note = f"Problem #{problem.number} is solved: {solution}"
        self._message(at, actor, note, is_public=False, channel=Channel.WEB)
        self._event(at, actor, EventKind.PROBLEM_SOLVED, problem=problem.number,
                    solution=solution)  # fmt: skip
        if self.ticket.status in (Status.NEW, Status.ON_HOLD):
            self._set_status(at, actor, Status.OPEN)
        self._save(at)
