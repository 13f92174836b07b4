"""What happens to each historic ticket: its life cycle, told through a ``TicketRecorder``.

The probabilities echo a real tiered log (Volvo IT, BPI Challenge 2013: 36.7 % of
requests reach Second Level, 7.2 % Third Level) scaled to a consumer help desk:
about 30 % of tickets go from First to Second Level and about 7 % reach Third.
Agents act in business hours; customers answer while awake; a busy day (the
Christmas peak) makes everyone slower, and slow answers cost satisfaction.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from tierdesk.demo import texts
from tierdesk.demo.arrivals import INTENT_TYPE
from tierdesk.demo.clock import OpeningHours
from tierdesk.demo.recorder import Horizon, TicketRecorder
from tierdesk.tickets.models import Channel, Priority, Status, TicketType

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.demo.catalogue import Product
    from tierdesk.demo.people import Cast
    from tierdesk.teams.models import Level

HOUR = 3600.0

# Share of tickets First Level hands to Second Level, by team (and intent in support).
ESCALATE_TO_L2: dict[str, float | dict[str, float]] = {
    "support": {"question": 0.2, "incident": 0.52},
    "returns": 0.28,
    "complaints": 0.4,
    "sales": 0.22,
    "loyalty": 0.2,
    "account_management": 0.45,
}
# Of those at Second Level in support, the share that goes on to Third Level.
ESCALATE_TO_L3 = {"incident": 0.6, "question": 0.3}
HAND_BACK_TO_L1 = 0.12
PHONE_SOLVED_ON_CALL = 0.55
ASK_FOR_INFO = 0.45
ASK_AGAIN = 0.3
CUSTOMER_NEVER_ANSWERS = 0.2
HELP_REQUEST = 0.05
REOPENED = 0.04
RATED = 0.35
MOVED_TO_OTHER_TEAM = 0.03
LINK_TO_EARLIER = 0.03
CLOSE_AFTER_DAYS = 7
# Urgent tickets are picked up sooner: factor on the first-touch delay by priority.
PRIORITY_SPEED: dict[int, float] = {Priority.URGENT: 0.3, Priority.HIGH: 0.6, Priority.LOW: 1.4}


@dataclass
class Story:
    """The facts of one historic request, decided before its life is simulated."""

    intent: str
    product: Product
    context: dict[str, str]
    phone_agent: User | None = None
    call_seconds: int | None = None
    problem: ProblemStory | None = None
    duplicate_of: TicketRecorder | None = None
    earlier: TicketRecorder | None = None
    # While planning: the request this one duplicates, the wave of a problem it is in.
    duplicate_of_request: object | None = None
    problem_key: int | None = None


@dataclass
class ProblemStory:
    recorder: TicketRecorder
    creator: User
    solver: User
    solve_at: datetime
    solution: str
    origin: TicketRecorder | None = None
    linked: list[TicketRecorder] = field(default_factory=list)


class Director:
    """Decides when who does what; shared by all tickets of one history."""

    def __init__(
        self,
        cast: Cast,
        rng: np.random.Generator,
        *,
        agent_hours: OpeningHours,
        customer_hours: OpeningHours,
        day_load: dict[date, float],
    ) -> None:
        self.cast = cast
        self.rng = rng
        self.agent_hours = agent_hours
        self.customer_hours = customer_hours
        self.day_load = day_load

    # -- timing ------------------------------------------------------------------------
    def load(self, at: datetime) -> float:
        return float(self.day_load.get(at.date(), 1.0))

    def lognormal(self, median_seconds: float, sigma: float = 0.9) -> timedelta:
        return timedelta(seconds=float(self.rng.lognormal(math.log(median_seconds), sigma)))

    def agent_time(self, at: datetime, median_seconds: float, sigma: float = 0.9) -> datetime:
        """An agent acts after a delay that grows with the day's load, in business hours."""
        load = self.load(at) ** 1.3
        later = at + self.lognormal(median_seconds * load, sigma)
        return self.agent_hours.snap(later, float(self.rng.exponential(1.5 * HOUR * load)))

    def customer_time(self, at: datetime, median_seconds: float = 5 * HOUR) -> datetime:
        later = at + self.lognormal(median_seconds, 1.1)
        return self.customer_hours.snap(later, float(self.rng.exponential(2 * HOUR)))

    def soon(self, at: datetime, low_minutes: float, high_minutes: float) -> datetime:
        return at + timedelta(minutes=float(self.rng.uniform(low_minutes, high_minutes)))

    # -- people --------------------------------------------------------------------------
    def agent(self, team: str, level: str, *, exclude: User | None = None) -> User:
        pool = [u for u in self.cast.agents.get((team, level), []) if u != exclude]
        if level == "L2" and (not pool or self.rng.random() < 0.08):
            pool = [*pool, self.cast.leads[team]]
        return pool[int(self.rng.integers(len(pool)))]

    def second_level(self, recorder: TicketRecorder) -> User:
        organisation_id = recorder.ticket.organisation_id
        manager = self.cast.account_manager_of.get(organisation_id or 0)
        if (
            manager is not None
            and recorder.ticket.team.slug == "account_management"
            and self.rng.random() < 0.8
        ):
            return manager
        return self.agent(recorder.ticket.team.slug, "L2")

    def helper(self, team: str, asking: User) -> User:
        if self.rng.random() < 0.5:
            return self.cast.leads[team]
        return self.agent(team, "L2", exclude=asking)

    def chance(self, probability: float) -> bool:
        return bool(self.rng.random() < probability)

    def pick(self, options: tuple[str, ...]) -> str:
        return str(texts.pick(self.rng, options))


class TicketStory:
    """The life of one customer ticket after its creation."""

    def __init__(self, director: Director, recorder: TicketRecorder, story: Story) -> None:
        self.d = director
        self.rec = recorder
        self.story = story
        self.texts = texts.texts_for(recorder.ticket.language)
        self.owner: User | None = None
        self.reopened = False
        self.waited_long = False

    # -- helpers ---------------------------------------------------------------------------
    def say(self, template: str, agent: User | None = None) -> str:
        return texts.fill(template, self.story.context, agent=agent.first_name if agent else "")

    def solution_text(self, agent: User) -> str:
        options = self.texts.SOLUTIONS.get(self.story.intent) or self.texts.SOLUTIONS["question"]
        return self.say(self.d.pick(options), agent)

    @property
    def team(self) -> str:
        return self.rec.ticket.team.slug

    def level(self, code: str) -> Level:
        return self.d.cast.levels[code]

    # -- the story -------------------------------------------------------------------------
    def run(self) -> None:
        with contextlib.suppress(Horizon):
            self._live()

    def _first_touch_time(self) -> datetime:
        ticket = self.rec.ticket
        if self.story.phone_agent is not None:
            return ticket.created_at + timedelta(seconds=self.story.call_seconds or 300)
        if ticket.channel == Channel.CHAT:
            return self.d.soon(ticket.created_at, 1, 6)
        factor = PRIORITY_SPEED.get(ticket.priority, 1.0)
        return self.d.agent_time(ticket.created_at, 2 * HOUR * factor, 1.0)

    def _live(self) -> None:
        d, rec, ticket = self.d, self.rec, self.rec.ticket
        at = self._first_touch_time()
        if (at - ticket.created_at).total_seconds() > 24 * HOUR:
            self.waited_long = True
        duplicate_of = self.story.duplicate_of
        if duplicate_of is not None and self._merge(at, duplicate_of):
            return
        first = self.story.phone_agent or d.agent(self.team, "L1")
        if (
            self.team == "support"
            and self.story.intent == "question"
            and d.chance(MOVED_TO_OTHER_TEAM)
        ):
            other = d.cast.teams[str(texts.pick(d.rng, ("returns", "sales", "complaints")))]
            rec.update(at, first, team=other)
            first = d.agent(other.slug, "L1")
            at = d.agent_time(at, 1 * HOUR)
        rec.update(at, first, assignee=first, **self._triage())
        self.owner = first
        if self.story.earlier is not None and d.chance(LINK_TO_EARLIER):
            rec.link(d.soon(at, 1, 5), first, self.story.earlier)
        if self.story.problem is not None and self._wait_for_problem(at, first):
            return
        if ticket.channel == Channel.PHONE and d.chance(PHONE_SOLVED_ON_CALL):
            rec.reply(d.soon(at, 1, 4), first, self.solution_text(first), new_status=Status.SOLVED)
            self._after_solved(first)
            return
        escalate = d.chance(self._escalation_share())
        at = d.soon(at, 2, 25)
        if d.chance(HELP_REQUEST):
            at = self._ask_for_help(at, first)
        owner = first
        if escalate:
            owner = self._escalate(at, first)
            at = d.agent_time(rec.last, 1 * HOUR)
        self._converse(at, owner)
        if rec.ticket.status == Status.SOLVED:
            self._after_solved(owner)
            return
        self._solve(owner)

    def _triage(self) -> dict[str, Any]:
        """What the first agent corrects: the real type, priority, a product tag."""
        ticket, intent, d = self.rec.ticket, self.story.intent, self.d
        changes: dict[str, Any] = {"ticket_type": INTENT_TYPE[intent]}
        if intent == "incident" and ticket.priority == Priority.NORMAL:
            draw = d.rng.random()
            if draw < 0.08:
                changes["priority"] = Priority.URGENT
            elif draw < 0.23:
                changes["priority"] = Priority.HIGH
        elif intent == "question" and ticket.priority == Priority.NORMAL and d.chance(0.1):
            changes["priority"] = Priority.LOW
        if d.chance(0.5):
            changes["tags"] = [self.story.product.tag]
        return changes

    def _escalation_share(self) -> float:
        share = ESCALATE_TO_L2[self.team]
        if isinstance(share, dict):
            return float(share.get(self.story.intent, 0.2))
        return float(share)

    def _merge(self, at: datetime, target: TicketRecorder) -> bool:
        """A duplicate of an earlier request: merged into it, if that one is not closed."""
        closed_at = target.ticket.closed_at
        if closed_at is not None and closed_at <= at:
            return False
        actor = target.ticket.assignee or self.d.agent(target.ticket.team.slug, "L1")
        self.rec.merge_into(at, actor, target)
        return True

    def _ask_for_help(self, at: datetime, asking: User) -> datetime:
        helper = self.d.helper(self.team, asking)
        answered = self.d.agent_time(at, 1 * HOUR)
        self.rec.help_request(
            at,
            asking,
            helper,
            self.say(self.d.pick(self.d_texts("HELP_QUESTIONS"))),
            answer=self.say(self.d.pick(self.d_texts("HELP_ANSWERS"))),
            answered_at=answered,
        )
        return self.d.soon(answered, 5, 40)

    def d_texts(self, name: str) -> tuple[str, ...]:
        """Internal texts (notes, reasons) are German: the department works in German."""
        return tuple(getattr(texts.texts_for("de"), name))

    def _escalate(self, at: datetime, first: User) -> User:
        d, rec = self.d, self.rec
        if d.chance(0.5):
            rec.reply(at, first, self.say(d.pick(self.texts.ACKNOWLEDGEMENTS), first))
            at = d.soon(at, 1, 20)
        rec.escalate(
            at,
            first,
            self.level("L2"),
            self.say(d.pick(self.d_texts("ESCALATION_REASONS_L2"))),
            self.say(d.pick(self.d_texts("SUMMARIES"))),
        )
        second = d.second_level(rec)
        at = d.agent_time(at, 6 * HOUR)
        rec.update(at, second, assignee=second)
        self.owner = second
        if d.chance(0.4):
            at = d.soon(at, 5, 60)
            rec.note(at, second, self.say(d.pick(self.d_texts("NOTES"))))
        to_l3 = ESCALATE_TO_L3.get(self.story.intent, 0.0) if self.team == "support" else 0.0
        if d.chance(to_l3):
            return self._third_level(d.soon(at, 15, 120), second)
        if d.chance(HAND_BACK_TO_L1):
            at = d.agent_time(at, 2 * HOUR)
            back = rec.de_escalate(
                at,
                second,
                self.level("L1"),
                self.say(d.pick(self.d_texts("DE_ESCALATION_REASONS"))),
            )
            return back or first
        if self.team != "support" and d.chance(0.2):
            at = d.soon(at, 5, 30)
            rec.update(at, second, status=Status.ON_HOLD)
            rec.update(d.agent_time(at, 36 * HOUR), second, status=Status.OPEN)
        return second

    def _third_level(self, at: datetime, second: User) -> User:
        d, rec = self.d, self.rec
        rec.escalate(
            at,
            second,
            self.level("L3"),
            self.say(d.pick(self.d_texts("ESCALATION_REASONS_L3"))),
            self.say(d.pick(self.d_texts("SUMMARIES"))),
        )
        third = d.agent("support", "L3")
        at = d.agent_time(at, 12 * HOUR)
        rec.update(at, third, assignee=third)
        self.owner = third
        if d.chance(0.3):
            rec.update(d.soon(at, 10, 60), third, status=Status.ON_HOLD)
            at = d.agent_time(at, 30 * HOUR)
            rec.update(at, third, status=Status.OPEN)
        at = d.agent_time(at, 40 * HOUR)
        rec.note(at, third, self.say(d.pick(self.d_texts("L3_NOTES"))))
        back = rec.de_escalate(
            d.soon(at, 2, 20),
            third,
            self.level("L2"),
            self.say(d.pick(self.d_texts("DE_ESCALATION_REASONS"))),
            self.say(d.pick(self.d_texts("SUMMARIES"))),
        )
        return back or second

    def _converse(self, at: datetime, owner: User) -> None:
        """Ask the customer for details (maybe again); they answer, or never do."""
        d, rec = self.d, self.rec
        chance = ASK_FOR_INFO
        while d.chance(chance):
            rec.reply(
                at, owner, self.say(d.pick(self.texts.INFO_REQUESTS), owner),
                new_status=Status.PENDING_CUSTOMER,
            )  # fmt: skip
            if d.chance(CUSTOMER_NEVER_ANSWERS):
                at = d.agent_time(at + timedelta(days=7), 2 * HOUR)
                rec.reply(
                    at, owner, self.say(d.pick(self.texts.NO_ANSWER_CLOSINGS), owner),
                    new_status=Status.SOLVED,
                )  # fmt: skip
                return
            at = d.customer_time(at, 24 * HOUR)
            rec.customer_message(at, self.say(d.pick(self.texts.CUSTOMER_ANSWERS)))
            at = d.agent_time(at, 4 * HOUR)
            chance = ASK_AGAIN

    def _solve(self, owner: User) -> None:
        d, rec = self.d, self.rec
        median = 8 * HOUR if rec.ticket.level.code == "L1" else 30 * HOUR
        at = d.agent_time(rec.last, median, 1.1)
        if rec.ticket.status == Status.NEW:
            rec.reply(at, owner, self.say(d.pick(self.texts.ACKNOWLEDGEMENTS), owner))
            at = d.agent_time(at, 3 * HOUR)
        rec.reply(at, owner, self.solution_text(owner), new_status=Status.SOLVED)
        self._after_solved(owner)

    def _after_solved(self, owner: User) -> None:
        d, rec = self.d, self.rec
        if not self.reopened and d.chance(REOPENED):
            self.reopened = True
            at = d.customer_time(rec.last, 20 * HOUR)
            rec.customer_message(at, self.say(d.pick(self.texts.REOPENS)))
            replier = owner if owner.agent_profile.level.code == rec.ticket.level.code else None
            replier = replier or d.agent(self.team, rec.ticket.level.code)
            at = d.agent_time(at, 3 * HOUR)
            rec.reply(at, replier, self.solution_text(replier), new_status=Status.SOLVED)
        solved_at = rec.ticket.solved_at
        assert solved_at is not None
        if d.chance(RATED):
            score, comment = self._satisfaction()
            rec.rate(d.customer_time(solved_at, 4 * HOUR), score, comment)
        closing = solved_at + timedelta(days=CLOSE_AFTER_DAYS, hours=float(d.rng.uniform(0, 12)))
        rec.update(closing, None, status=Status.CLOSED)

    def _satisfaction(self) -> tuple[int, str]:
        """1-5, skewed positive; long waits, complaints and reopening cost points."""
        ticket = self.rec.ticket
        assert ticket.solved_at is not None
        days = (ticket.solved_at - ticket.created_at).total_seconds() / 86400
        mood = 4.9 - 0.4 * math.log1p(days)
        mood -= 0.6 if ticket.type == TicketType.COMPLAINT else 0.0
        mood -= 0.8 if self.reopened else 0.0
        mood -= 0.5 if self.waited_long else 0.0
        score = int(np.clip(round(self.d.rng.normal(mood, 0.9)), 1, 5))
        comments = self.texts.CSAT_COMMENTS_GOOD if score >= 4 else self.texts.CSAT_COMMENTS_BAD
        return score, self.d.pick(comments) if self.d.chance(0.3) else ""

    # -- problems --------------------------------------------------------------------------
    def _wait_for_problem(self, at: datetime, first: User) -> bool:
        """A known problem: linked to its record, on hold until Third Level solves it.

        False if the problem was solved before anyone got to link this ticket.
        """
        d, rec = self.d, self.rec
        problem = self.story.problem
        assert problem is not None
        if problem.origin is rec:  # problem_create links the ticket it was recorded from
            link_at = max(problem.recorder.ticket.created_at, d.soon(at, 1, 5))
        else:
            link_at = max(problem.recorder.ticket.created_at, d.agent_time(at, 2 * HOUR))
        if link_at >= problem.solve_at - timedelta(minutes=5):
            return False
        if link_at > at + timedelta(hours=1):
            ack = self.say(d.pick(self.texts.ACKNOWLEDGEMENTS), first)
            rec.reply(d.soon(at, 2, 15), first, ack)
        problem.linked.append(rec)
        rec.link_to_problem(link_at, problem.creator, problem.recorder)
        if problem.solve_at > rec.now:
            raise Horizon
        rec.problem_solved(problem.solve_at, problem.solver, problem.recorder.ticket,
                           problem.solution)  # fmt: skip
        at = d.agent_time(problem.solve_at, 2 * HOUR)
        rec.reply(at, first, self.solution_text(first), new_status=Status.SOLVED)
        self._after_solved(first)
        return True
