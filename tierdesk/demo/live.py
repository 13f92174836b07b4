"""The last days' requests, made by the product itself through the ticket services.

``ticket_create`` takes the arrival time, so these tickets arrive when they would
have; everything else the services do happens now, at load time: some agents are
picking up the morning's queue, replying, escalating and asking for help while the
demo is being loaded. The rest of the live tickets wait in the queues.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np

from tierdesk.demo import texts
from tierdesk.demo.arrivals import INTENT_TYPE
from tierdesk.tickets.models import OPEN_STATUSES, Channel, Status, Ticket
from tierdesk.tickets.services import (
    help_request_create,
    ticket_add_note,
    ticket_create,
    ticket_escalate,
    ticket_reply,
    ticket_update,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.demo.history import HistoryBuilder, Request
    from tierdesk.demo.people import Cast

LIVE_HOURS = 48
# Tickets younger than this are still untouched in the queue.
UNTOUCHED_HOURS = 3


class LiveDesk:
    def __init__(self, cast: Cast, rng: np.random.Generator, builder: HistoryBuilder) -> None:
        self.cast, self.rng, self.builder = cast, rng, builder
        self.load = Counter(
            Ticket.objects.filter(status__in=OPEN_STATUSES, assignee__isnull=False).values_list(
                "assignee_id", flat=True
            )
        )

    def create(self, request: Request) -> Ticket:
        """``ticket_create`` at the request's arrival time (phone calls logged by an agent)."""
        actor, body, call_seconds = None, request.body, None
        if request.channel == Channel.PHONE:
            team = self.builder.routing(request)[0]
            actor = self._pick(self.cast.agents[(team, "L1")])
            call_seconds = int(self.rng.lognormal(np.log(300), 0.6))
        return ticket_create(
            requester=request.requester,
            subject=request.subject,
            body=body,
            channel=request.channel,
            actor=actor,
            call_duration_seconds=call_seconds,
            created_at=request.at,
        )

    def work(self, ticket: Ticket, request: Request, now: datetime) -> None:
        """What agents are doing on this ticket right now, if anything."""
        if ticket.created_at > now - timedelta(hours=UNTOUCHED_HOURS) or self.rng.random() > 0.7:
            return
        # The router may have assigned it already (key accounts to their manager,
        # push teams); otherwise an agent of the ticket's level picks it up.
        agent = ticket.assignee or self._agent_with_room(ticket.team.slug, ticket.level.code)
        if agent is None:
            return
        story = request.story
        tags = [story.product.tag] if self.rng.random() < 0.5 else []
        ticket_update(
            ticket,
            actor=agent,
            expected_version=ticket.version,
            assignee=agent,
            ticket_type=INTENT_TYPE[story.intent],
            tags=tags,
        )
        self.load[agent.pk] += 1
        language = texts.texts_for(ticket.language)

        def say(template: str) -> str:
            return texts.fill(template, story.context, agent=agent.first_name)

        draw = self.rng.random()
        if draw < 0.12 and ticket.level.code == "L1":
            internal = texts.texts_for("de")
            ticket_escalate(
                ticket,
                actor=agent,
                to_level="L2",
                reason=say(texts.pick(self.rng, internal.ESCALATION_REASONS_L2)),
                summary=say(texts.pick(self.rng, internal.SUMMARIES)),
            )
            second = self._agent_with_room(ticket.team.slug, "L2")
            if second is not None and self.rng.random() < 0.4:
                ticket_update(ticket, actor=second, expected_version=None, assignee=second)
        elif draw < 0.16:
            helper = self.cast.leads[ticket.team.slug]
            question = say(texts.pick(self.rng, texts.texts_for("de").HELP_QUESTIONS))
            help_request_create(ticket, requested_by=agent, helper=helper, question=question)
        elif draw < 0.24:
            ticket_add_note(
                ticket, actor=agent, body=say(texts.pick(self.rng, texts.texts_for("de").NOTES))
            )
        elif draw < 0.75:
            status_draw = self.rng.random()
            if status_draw < 0.3:
                body, status = texts.pick(self.rng, language.INFO_REQUESTS), Status.PENDING_CUSTOMER
            elif status_draw < 0.55:
                solutions = language.SOLUTIONS.get(story.intent) or language.SOLUTIONS["question"]
                body, status = texts.pick(self.rng, solutions), Status.SOLVED
            else:
                body, status = texts.pick(self.rng, language.ACKNOWLEDGEMENTS), None
            ticket_reply(ticket, actor=agent, body=say(body), new_status=status)

    def _agent_with_room(self, team: str, level: str) -> User | None:
        pool = [
            user
            for user in self.cast.agents.get((team, level), [])
            if self.load[user.pk] < user.agent_profile.max_open_tickets
        ]
        return self._pick(pool) if pool else None

    def _pick(self, users: list[User]) -> User:
        return users[int(self.rng.integers(len(users)))]


def create_live(
    cast: Cast,
    rng: np.random.Generator,
    builder: HistoryBuilder,
    requests: list[Request],
    *,
    now: datetime,
) -> int:
    """Create the live requests through the services and work some of them; return count."""
    desk = LiveDesk(cast, rng, builder)
    created = [(desk.create(request), request) for request in requests]
    for ticket, request in created:
        desk.work(ticket, request, now)
    return len(created)
