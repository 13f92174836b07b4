"""Months of history: arrivals, routing, life cycles, and one bulk write.

Each historic request is routed by the same pure rule evaluation the product uses
(``tierdesk.routing.rules.decide`` over the rules in the database), numbered from
the ticket number sequence in order of arrival, lived through by
``tierdesk.demo.stories`` and written with ``bulk_create``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import holidays
import numpy as np
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max, Model

from tierdesk.demo import catalogue, texts
from tierdesk.demo.arrivals import CHANNELS, INTENTS, generate_arrivals
from tierdesk.demo.clock import OpeningHours
from tierdesk.demo.recorder import Rows, TicketRecorder, TicketRow
from tierdesk.demo.stories import Director, ProblemStory, Story, TicketStory
from tierdesk.routing.rules import TicketFacts, decide
from tierdesk.routing.services import DEFAULT_TEAM_SLUG, active_rules
from tierdesk.tickets.models import (
    Channel,
    Escalation,
    HelpRequest,
    Message,
    NumberSequence,
    Priority,
    Status,
    Tag,
    Ticket,
    TicketLink,
    TicketType,
    TimelineEvent,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.demo.people import Cast
    from tierdesk.routing.rules import Rule

TICKETS_PER_YEAR = 11_000
PROBLEMS_PER_YEAR = 30
DUPLICATE_SHARE = 0.01
BATCH = 2000


@dataclass(frozen=True)
class Request:
    """One arriving request before it becomes a ticket."""

    at: datetime
    intent: str
    channel: str
    requester: User
    subject: str
    body: str
    story: Story


def closed_dates(start: datetime, end: datetime) -> set[date]:
    """Nationwide German public holidays plus Christmas Eve and New Year's Eve."""
    years = range(start.year, end.year + 1)
    dates = set(holidays.country_holidays("DE", years=list(years)))
    dates |= {date(year, 12, 24) for year in years} | {date(year, 12, 31) for year in years}
    return dates


class RequestWriter:
    """Turns an arrival (time, intent, channel) into a request with a customer and texts."""

    def __init__(self, cast: Cast, rng: np.random.Generator) -> None:
        self.cast, self.rng = cast, rng
        customers = cast.customers
        is_org = np.array([c.organisation_id is not None for c in customers])
        is_key = np.array(
            [bool(c.organisation and c.organisation.is_key_account) for c in customers]
        )
        base = np.where(is_key, 0.75, np.where(is_org, 0.8, 1.0))
        base[[c.username == "demo-customer" for c in customers]] = 0.3
        self.weights: dict[str, np.ndarray] = {}
        for intent in INTENTS:
            weight = base.copy()
            if intent == "sales_inquiry":
                weight *= np.where(is_org, 4.0, 0.3)
            elif intent in ("cancellation", "loyalty"):
                weight *= np.where(is_org, 0.5, 1.5)
            self.weights[intent] = weight / weight.sum()

    def request(self, at: datetime, intent: str, channel: str) -> Request:
        rng = self.rng
        requester = self.cast.customers[
            int(rng.choice(len(self.cast.customers), p=self.weights[intent]))
        ]
        product = texts.product_for(rng, intent)
        context = texts.ticket_context(rng, customer=requester.get_full_name(), product=product)
        language_texts = texts.texts_for(requester.language)
        subject, body = texts.pick(rng, language_texts.CUSTOMER_REQUESTS[intent])
        return Request(
            at=at,
            intent=intent,
            channel=channel,
            requester=requester,
            subject=texts.fill(subject, context),
            body=texts.fill(body, context),
            story=Story(intent=intent, product=product, context=context),
        )


def plan_requests(
    cast: Cast,
    rng: np.random.Generator,
    *,
    start: datetime,
    now: datetime,
    expected_total: float,
    closed: set[date],
) -> tuple[list[Request], dict[date, float]]:
    """All requests from ``start`` to ``now``, in arrival order."""
    arrivals = generate_arrivals(
        start=start, end=now, expected_total=expected_total, closed_dates=closed, rng=rng
    )
    writer = RequestWriter(cast, rng)
    requests = [
        writer.request(datetime.fromtimestamp(float(s), UTC), INTENTS[i], CHANNELS[c])
        for s, i, c in zip(arrivals.seconds, arrivals.intent, arrivals.channel, strict=True)
    ]
    return requests, arrivals.day_load


def add_duplicates(
    requests: list[Request], rng: np.random.Generator, cutoff: datetime
) -> list[Request]:
    """Now and then a customer sends the same request twice (mail, then the web form)."""
    duplicates = []
    for request in requests:
        if request.channel not in (Channel.EMAIL, Channel.WEB) or rng.random() >= DUPLICATE_SHARE:
            continue
        at = request.at + timedelta(minutes=float(rng.uniform(15, 480)))
        if at >= cutoff:
            continue
        language_texts = texts.texts_for(request.requester.language)
        note = texts.fill(language_texts.DUPLICATE_NOTE, request.story.context)
        story = Story(intent=request.intent, product=request.story.product,
                      context=request.story.context)  # fmt: skip
        duplicates.append(
            Request(
                at=at,
                intent=request.intent,
                channel=Channel.WEB if request.channel == Channel.EMAIL else Channel.EMAIL,
                requester=request.requester,
                subject=request.subject,
                body=f"{note}\n\n{request.body}",
                story=story,
            )
        )
        story.duplicate_of_request = request
    return sorted([*requests, *duplicates], key=lambda r: r.at)


class HistoryBuilder:
    """Builds the rows of the whole history in memory; ``write`` inserts them."""

    def __init__(self, cast: Cast, rng: np.random.Generator, *, now: datetime) -> None:
        self.cast, self.rng, self.now = cast, rng, now
        self.rows = Rows(first_ticket_id=_next_id(Ticket), first_message_id=_next_id(Message))
        self.rules: list[Rule] = active_rules()
        self.levels = cast.levels

    def routing(self, request: Request) -> tuple[str, str, int, str, list[str]]:
        organisation = request.requester.organisation
        is_key = bool(organisation and organisation.is_key_account)
        facts = TicketFacts(
            subject=request.subject,
            body=request.body,
            channel=request.channel,
            ticket_type=None,
            organisation_id=organisation.pk if organisation else None,
            is_key_account=is_key,
            account_manager_team_slug="account_management" if is_key else None,
        )
        decision = decide(facts, self.rules, DEFAULT_TEAM_SLUG)
        return (
            decision.team_slug or DEFAULT_TEAM_SLUG,
            decision.level_code or "L1",
            decision.priority or Priority.NORMAL,
            decision.ticket_type or TicketType.QUESTION,
            list(decision.reasons),
        )

    def build(
        self,
        requests: list[Request],
        *,
        day_load: dict[date, float],
        closed: set[date],
        first_number: int,
        problems_expected: float,
    ) -> Rows:
        agent_hours = OpeningHours(open_hour=8, close_hour=18, closed_dates=closed)
        customer_hours = OpeningHours(open_hour=7, close_hour=22, weekdays=range(7))
        director = Director(
            self.cast, self.rng, agent_hours=agent_hours, customer_hours=customer_hours,
            day_load=day_load,
        )  # fmt: skip
        routed = [self.routing(request) for request in requests]
        problems = self._plan_problems(requests, routed, agent_hours, problems_expected)
        # Requests and problem records take numbers in order of their creation.
        births = [(request.at, 0, index) for index, request in enumerate(requests)]
        births += [(plan[0], 1, key) for key, plan in problems.items()]
        births.sort(key=lambda birth: (birth[0], birth[1]))
        index_of = {id(request): index for index, request in enumerate(requests)}
        recorders: dict[int, TicketRecorder] = {}
        problem_stories: dict[int, ProblemStory] = {}
        for offset, (_at, kind, key) in enumerate(births):
            if kind == 1:
                plan = problems[key]
                problem_stories[key] = self._problem_record(first_number + offset, plan, recorders)
            else:
                recorders[key] = self._create(first_number + offset, requests[key], routed[key])
        # Then each request lives, in order of arrival (a duplicate after its original).
        last_of_requester: dict[int, TicketRecorder] = {}
        for index, request in enumerate(requests):
            recorder, story = recorders[index], request.story
            if story.duplicate_of_request is not None:
                original = index_of.get(id(story.duplicate_of_request))
                story.duplicate_of = recorders.get(original) if original is not None else None
            earlier = last_of_requester.get(request.requester.pk)
            if earlier is not None and request.at - earlier.ticket.created_at < timedelta(days=60):
                story.earlier = earlier
            last_of_requester[request.requester.pk] = recorder
            if story.problem_key is not None:
                story.problem = problem_stories.get(story.problem_key)
            TicketStory(director, recorder, story).run()
        return self.rows

    def _create(
        self, number: int, request: Request, routed: tuple[str, str, int, str, list[str]]
    ) -> TicketRecorder:
        team, level, priority, ticket_type, reasons = routed
        requester = request.requester
        ticket = TicketRow(
            id=self.rows.next_ticket_id(),
            number=number,
            subject=" ".join(request.subject.split())[:250],
            requester=requester,
            organisation_id=requester.organisation_id,
            channel=request.channel,
            team=self.cast.teams[team],
            level=self.levels[level],
            priority=priority,
            type=ticket_type,
            language=requester.language,
            created_at=request.at,
            updated_at=request.at,
        )
        recorder = TicketRecorder(self.rows, ticket, now=self.now)
        actor, body, call_seconds = requester, request.body, None
        if request.channel == Channel.PHONE:
            actor = request.story.phone_agent = self._phone_agent(team)
            call_seconds = request.story.call_seconds = int(self.rng.lognormal(math.log(300), 0.6))
            summary = texts.pick(self.rng, texts.texts_for("de").PHONE_SUMMARIES)
            body = f"{texts.fill(summary, request.story.context)}\n\n{request.body}"
        recorder.create(actor=actor, body=body, reasons=reasons, call_duration_seconds=call_seconds)
        return recorder

    def _phone_agent(self, team: str) -> User:
        pool = self.cast.agents[(team, "L1")]
        return pool[int(self.rng.integers(len(pool)))]

    # -- problems --------------------------------------------------------------------------
    def _plan_problems(
        self,
        requests: list[Request],
        routed: list[tuple[str, str, int, str, list[str]]],
        agent_hours: OpeningHours,
        expected: float,
    ) -> dict[int, tuple[datetime, datetime, catalogue.ProblemTheme, int]]:
        """Waves of similar incidents in support, each traced to one problem record.

        Returns key -> (record created, solved, theme, index of the first request).
        """
        rng = self.rng
        count = int(rng.poisson(expected)) if expected < 3 else round(expected)
        if not requests or count == 0:
            return {}
        start, end = requests[0].at, requests[-1].at
        span = (end - start).total_seconds()
        candidates = [
            index
            for index, request in enumerate(requests)
            if request.intent == "incident"
            and routed[index][0] == "support"
            and request.story.duplicate_of_request is None
        ]
        candidate_times = np.array([requests[i].at.timestamp() for i in candidates])
        themes = list(catalogue.PROBLEM_THEMES)
        plans: dict[int, tuple[datetime, datetime, catalogue.ProblemTheme, int]] = {}
        taken: set[int] = set()
        for key in range(count):
            window_start = start.timestamp() + rng.uniform(0.02, 0.97) * span
            if key == count - 1:  # the latest wave is likely still being worked on
                window_start = end.timestamp() - rng.uniform(3, 8) * 86400
            window_end = window_start + rng.uniform(4, 12) * 86400
            low, high = np.searchsorted(candidate_times, [window_start, window_end])
            chosen = [
                candidates[i] for i in range(low, high)
                if candidates[i] not in taken and rng.random() < 0.25
            ][:12]  # fmt: skip
            if len(chosen) < 2:
                continue
            first = requests[chosen[0]]
            created = agent_hours.snap(
                first.at + timedelta(hours=float(rng.lognormal(math.log(10), 0.5))),
                float(rng.exponential(3600)),
            )
            days = rng.uniform(6, 12) if key == count - 1 else rng.lognormal(math.log(4), 0.6)
            solved = agent_hours.snap(
                created + timedelta(days=float(days)), float(rng.exponential(3600))
            )
            if created >= self.now:
                continue
            theme = themes[key % len(themes)]
            product = next(p for p in catalogue.PRODUCTS if p.tag == theme.tag)
            for index in chosen:
                if requests[index].at >= solved:
                    continue
                taken.add(index)
                self._make_problem_request(requests, index, theme, product, key)
            plans[key] = (created, solved, theme, chosen[0])
        return plans

    def _make_problem_request(
        self,
        requests: list[Request],
        index: int,
        theme: catalogue.ProblemTheme,
        product: catalogue.Product,
        key: int,
    ) -> None:
        request = requests[index]
        english = request.requester.language == "en"
        context = {**request.story.context, "product": product.name}
        subject = f"Problem with {product.name}" if english else f"Problem mit {product.name}"
        greeting = "Hello" if english else "Hallo"
        symptom = theme.symptom_en if english else theme.symptom_de
        story = Story(intent="incident", product=product, context=context)
        story.problem_key = key
        requests[index] = Request(
            at=request.at,
            intent="incident",
            channel=request.channel,
            requester=request.requester,
            subject=subject,
            body=f"{greeting},\n\n{symptom}\n\n{request.requester.get_full_name()}",
            story=story,
        )

    def _problem_record(
        self,
        number: int,
        plan: tuple[datetime, datetime, catalogue.ProblemTheme, int],
        recorders: dict[int, TicketRecorder],
    ) -> ProblemStory:
        created, solved, theme, origin_index = plan
        origin = recorders[origin_index]
        creator = self._pick(self.cast.agents[("support", "L2")])
        solver = self._pick(self.cast.agents[("support", "L3")])
        firmware = texts.pick(self.rng, catalogue.FIRMWARE_VERSIONS)
        ticket = TicketRow(
            id=self.rows.next_ticket_id(),
            number=number,
            subject=f"{theme.subject_de} (Firmware {firmware})",
            requester=creator,
            organisation_id=None,
            channel=Channel.WEB,
            team=origin.ticket.team,
            level=self.levels["L3"],
            status=Status.OPEN,
            priority=origin.ticket.priority,
            type=TicketType.PROBLEM,
            language=origin.ticket.language,
            created_at=created,
            updated_at=created,
        )
        recorder = TicketRecorder(self.rows, ticket, now=self.now)
        recorder.problem_created(creator, f"{theme.symptom_de}\n\nBetroffen: {theme.tag}",
                                 from_ticket=origin.ticket.number)  # fmt: skip
        story = ProblemStory(
            recorder=recorder, creator=creator, solver=solver, solve_at=solved,
            solution=theme.solution_de, origin=origin,
        )  # fmt: skip
        self._work_problem(story)
        return story

    def _work_problem(self, story: ProblemStory) -> None:
        from tierdesk.demo.recorder import Horizon

        recorder, solver, created = story.recorder, story.solver, story.recorder.ticket.created_at
        try:
            recorder.update(created + timedelta(hours=float(self.rng.uniform(1, 6))), solver,
                            assignee=solver)  # fmt: skip
            midway = created + (story.solve_at - created) / 2
            recorder.note(midway, solver, texts.fill(
                texts.pick(self.rng, texts.texts_for("de").L3_NOTES),
                {"firmware": "3.2.0", "app_version": "5.0.1"},
            ))  # fmt: skip
            recorder.problem_solve(story.solve_at, solver, story.solution)
        except Horizon:
            pass

    def _pick(self, users: list[User]) -> User:
        return users[int(self.rng.integers(len(users)))]


def reserve_numbers() -> int:
    """The first free ticket number (the sequence is moved past the history later)."""
    first = settings.TIERDESK_FIRST_TICKET_NUMBER
    sequence, _created = NumberSequence.objects.select_for_update().get_or_create(
        name="ticket", defaults={"last_value": first - 1}
    )
    return sequence.last_value + 1


def _next_id(model: type[Model]) -> int:
    highest = model._default_manager.aggregate(highest=Max("id"))["highest"]
    return (highest or 0) + 1


class _Inserter:
    """Multi-row ``INSERT … VALUES``: rows as tuples, no model instances.

    Columns not given get their field's default, so fields added to the models
    later do not break the demo.
    """

    # Parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535.
    MAX_PARAMETERS = 30_000

    def __init__(self, model: type[Model], attnames: list[str]) -> None:
        fields = {field.attname: field for field in model._meta.concrete_fields}
        others = [f for name, f in fields.items() if name not in attnames and not f.primary_key]
        self.defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in others)
        columns = [fields[name].column for name in attnames] + [f.column for f in others]
        quote = connection.ops.quote_name
        self.head = (
            f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
            "VALUES "
        )
        self.placeholder = f"({', '.join(['%s'] * len(columns))})"
        self.per_statement = max(1, self.MAX_PARAMETERS // len(columns))
        self.copy = (
            f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
            "FROM STDIN"
        )

    def insert(self, rows: list[tuple[Any, ...]]) -> None:
        if connection.vendor == "postgresql":
            self._copy(rows)
            return
        with connection.cursor() as cursor:
            for start in range(0, len(rows), self.per_statement):
                chunk = rows[start : start + self.per_statement]
                values = ", ".join([self.placeholder] * len(chunk))
                params = [value for row in chunk for value in row + self.defaults]
                cursor.execute(self.head + values, params)

    def _copy(self, rows: list[tuple[Any, ...]]) -> None:
        """PostgreSQL's COPY: many times faster than INSERT for a hundred thousand rows."""
        with connection.cursor() as cursor, cursor.cursor.copy(self.copy) as copy:
            for row in rows:
                copy.write_row(row + self.defaults)


def _pk(user: User | None) -> int | None:
    return user.pk if user is not None else None


def write(rows: Rows) -> None:
    """Insert the history: tickets, messages, events and the rest."""
    when = connection.ops.adapt_datetimefield_value
    as_json = connection.ops.adapt_json_value
    _Inserter(Ticket, TICKET_COLUMNS).insert(
        [
            (
                t.id, t.number, t.subject, t.requester.pk, t.organisation_id, t.channel,
                t.team.pk, t.level.pk, t.status, t.priority, t.type, _pk(t.assignee),
                t.language, when(t.created_at), when(t.updated_at), when(t.first_response_at),
                when(t.solved_at), when(t.closed_at), t.csat_score,
                t.merged_into.id if t.merged_into else None,
                t.problem.id if t.problem else None, t.version,
            )
            for t in rows.tickets
        ]
    )  # fmt: skip
    _Inserter(Message, MESSAGE_COLUMNS).insert(
        [
            (
                m.id, m.ticket.id, m.author.pk, m.is_public, m.from_customer, m.body_html,
                m.body_text, m.channel, when(m.created_at), m.call_duration_seconds,
            )
            for m in rows.messages
        ]
    )  # fmt: skip
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Ticket, Message]):
            cursor.execute(statement)
    _Inserter(Escalation, ESCALATION_COLUMNS).insert(
        [
            (e.ticket.id, e.from_level.pk, e.to_level.pk, e.reason, e.summary, e.actor.pk,
             when(e.created_at))
            for e in rows.escalations
        ]
    )  # fmt: skip
    _Inserter(HelpRequest, HELP_REQUEST_COLUMNS).insert(
        [
            (h.ticket.id, h.requested_by.pk, h.helper.pk, h.question, h.answer,
             when(h.created_at), when(h.answered_at))
            for h in rows.help_requests
        ]
    )  # fmt: skip
    _Inserter(TicketLink, ["source_id", "target_id", "created_by_id", "created_at"]).insert(
        [(k.source.id, k.target.id, k.created_by.pk, when(k.created_at)) for k in rows.links]
    )
    names = sorted({name for _ticket, name in rows.tags})
    tags = {name: Tag.objects.get_or_create(name=name)[0].pk for name in names}
    _Inserter(Ticket.tags.through, ["ticket_id", "tag_id"]).insert(
        [(ticket.id, tags[name]) for ticket, name in rows.tags]
    )
    # Inserted in time order, so event ids follow time like those the services write.
    rows.events.sort(key=lambda event: event.created_at)
    _Inserter(TimelineEvent, ["ticket_id", "actor_id", "kind", "data", "created_at"]).insert(
        [
            (e.ticket.id, _pk(e.actor), e.kind, as_json(e.data, None), when(e.created_at))
            for e in rows.events
        ]
    )
    if connection.vendor == "postgresql":
        # Fresh statistics, or the planner treats the just-filled tables as empty.
        with connection.cursor() as cursor:
            for model in (Ticket, Message, TimelineEvent, Escalation, HelpRequest, TicketLink):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    highest = Ticket.objects.aggregate(highest=Max("number"))["highest"]
    if highest is not None:
        NumberSequence.objects.filter(name="ticket", last_value__lt=highest).update(
            last_value=highest
        )


TICKET_COLUMNS = [
    "id", "number", "subject", "requester_id", "organisation_id", "channel", "team_id",
    "level_id", "status", "priority", "type", "assignee_id", "language", "created_at",
    "updated_at", "first_response_at", "solved_at", "closed_at", "csat_score",
    "merged_into_id", "problem_id", "version",
]  # fmt: skip
MESSAGE_COLUMNS = [
    "id", "ticket_id", "author_id", "is_public", "from_customer", "body_html", "body_text",
    "channel", "created_at", "call_duration_seconds",
]  # fmt: skip
ESCALATION_COLUMNS = [
    "ticket_id", "from_level_id", "to_level_id", "reason", "summary", "actor_id", "created_at",
]  # fmt: skip
HELP_REQUEST_COLUMNS = [
    "ticket_id", "requested_by_id", "helper_id", "question", "answer", "created_at",
    "answered_at",
]  # fmt: skip
