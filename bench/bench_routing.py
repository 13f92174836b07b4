"""Benchmark: routing and assignment decisions with 500 agents and 10,000 open tickets.

Run with ``python bench/bench_routing.py`` (SQLite in a temporary directory) or with
``DATABASE_URL=postgres://…/tierdesk_bench python bench/bench_routing.py`` — the
database is created by the test runner's machinery, used, and dropped again.

Three layers are timed:

1. the pure decision ``assignment.choose_agent`` over agents' states held in memory —
   once over the ~100 agents of one team and level, once over all 500 agents (the
   worst case: every agent looked at);
2. the pure ``rules.decide`` with ten rules and the full classifier vocabulary;
3. the applied decision of a push arrival, ``dispatch.choose_on_arrival``: lock the
   candidate agents' rows (reading the team's mode and the skills asked for with
   them), count their open tickets among the 10,000, decide, stamp the chosen agent
   for round-robin — inside a transaction that is rolled back, so every decision
   sees the same state. The baseline is the previous implementation (ORM
   querysets, kept below as ``baseline_choose_on_arrival``), timed in the same run
   with calls interleaved one by one, so both see the same load on a shared
   machine; both must choose the same agent with the same reasons for every
   arrival. A third line adds loading the chosen agent's ``User``, which the
   baseline always did and the new code leaves to the caller
   (``ArrivalAssignment.agent`` loads it on first use).

The department: 6 teams × 3 levels, 500 agents (Customer Support holds 40 %), two
languages, 4 skills with proficiencies, a chat cap of 2, 10,000 open tickets spread
over the agents; arrivals in German or English by mail, web form, phone or chat,
half of them needing a skill. On PostgreSQL the tables are vacuumed and analysed
after loading, as autovacuum would do after such an insert. The target is one
decision under 5 ms.

``python bench/bench_routing.py --classifier`` prints the classifier's accuracy
tables of docs/type-classifier.md instead.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TIERDESK_VAR_DIR", tempfile.mkdtemp(prefix="tierdesk-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tierdesk.settings")
os.environ.setdefault("TIERDESK_TESTING", "1")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

AGENTS = 500
OPEN_TICKETS = 10_000
TEAMS = ("support", "returns", "complaints", "sales", "account_management", "loyalty")
TEAM_SHARE = (0.40, 0.15, 0.12, 0.11, 0.12, 0.10)
LEVELS = ("L1", "L2", "L3")
SKILLS = ("networking", "billing", "returns-law", "negotiation")
REPEATS = 2000
DB_REPEATS = 400
WARM_UP = 50


def report(label: str, samples: list[float]) -> float:
    """Prints median, 95th percentile and decisions per second; returns the median (ms)."""
    median = statistics.median(samples) * 1000
    p95 = sorted(samples)[int(0.95 * len(samples))] * 1000
    print(
        f"{label:<58} median {median:7.3f} ms  p95 {p95:7.3f} ms  "
        f"{1000 / median:10,.0f} decisions/s"
    )
    return median


def timed(label: str, repeats: int, call: Callable[[int], object]) -> float:
    """Median milliseconds per call; prints decisions per second."""
    return timed_together({label: call}, repeats)[label]


def timed_together(calls: dict[str, Callable[[int], object]], repeats: int) -> dict[str, float]:
    """Times several ways of doing the same thing, interleaved call by call."""
    for index in range(min(WARM_UP, repeats)):
        for call in calls.values():
            call(index)
    samples: dict[str, list[float]] = {label: [] for label in calls}
    for index in range(repeats):
        for label, call in calls.items():
            start = time.perf_counter()
            call(index)
            samples[label].append(time.perf_counter() - start)
    return {label: report(label, samples[label]) for label in calls}


def pure_benchmarks(rng: random.Random) -> None:
    from tierdesk.routing.assignment import AgentState, Needs, choose_agent
    from tierdesk.routing.classifier import Keyword
    from tierdesk.routing.keywords import default_keywords
    from tierdesk.routing.rules import Policy, Rule, TicketFacts, decide

    states = []
    loads = [0] * AGENTS
    for _ in range(OPEN_TICKETS):
        loads[rng.randrange(AGENTS)] += 1
    for agent_id in range(AGENTS):
        team = rng.choices(TEAMS, TEAM_SHARE)[0]
        states.append(
            AgentState(
                agent_id=agent_id,
                team_slugs=frozenset({team}),
                level_code=rng.choice(LEVELS),
                languages=frozenset({"de", "en"} if rng.random() < 0.6 else {"de"}),
                skills={skill: rng.randint(1, 5) for skill in SKILLS if rng.random() < 0.5},
                open_tickets=loads[agent_id],
                cap=40,
                routable=rng.random() < 0.8,
                channel_caps={"chat": 2},
                open_by_channel={"chat": rng.randint(0, 2)},
                last_assigned=rng.random() * 1e9,
            )
        )
    team_states = [s for s in states if "support" in s.team_slugs and s.level_code == "L1"]
    needs = [
        Needs(
            team_slug="support",
            level_code="L1",
            language=rng.choice(("de", "en")),
            channel=rng.choice(("email", "chat", "phone")),
            required_skills=(rng.choice(SKILLS),) if rng.random() < 0.5 else (),
            min_proficiency=rng.randint(1, 3),
        )
        for _ in range(REPEATS)
    ]
    print(f"== pure decisions ({AGENTS} agents, {OPEN_TICKETS} open tickets in their loads) ==")
    timed(
        f"choose_agent over one team and level ({len(team_states)} agents)",
        REPEATS,
        lambda i: choose_agent(needs[i], team_states),
    )
    timed(
        f"choose_agent over all {AGENTS} agents",
        REPEATS,
        lambda i: choose_agent(needs[i], states),
    )
    keywords: tuple[Keyword, ...] = default_keywords()
    rules = [
        Rule(index, f"rule {index}", keywords=(f"stichwort{index}", f"keyword{index}"))
        for index in range(10)
    ]
    facts = TicketFacts(
        subject="Kamera offline seit dem Update",
        body="Guten Tag, meine Außenkamera ist seit zwei Tagen offline. " * 5,
        channel="email",
        ticket_type=None,
        organisation_id=None,
        is_key_account=False,
    )
    timed(
        f"decide: 10 rules + classifier ({len(keywords)} keywords)",
        REPEATS,
        lambda i: decide(facts, rules, policy=Policy(), keywords=keywords),
    )


def build_department(rng: random.Random) -> None:
    from tierdesk.accounts.models import Role, User
    from tierdesk.routing.models import SkillProficiency, TeamMode, TeamRouting
    from tierdesk.teams.models import AgentProfile, Level, Skill, Team, TeamMembership
    from tierdesk.tickets.models import Status, Ticket

    teams = {team.slug: team for team in Team.objects.all()}
    levels = {level.code: level for level in Level.objects.all()}
    skills = [Skill.objects.get_or_create(code=code, defaults={"name": code})[0] for code in SKILLS]
    for team in teams.values():
        TeamRouting.objects.update_or_create(team=team, defaults={"mode": TeamMode.PUSH})
    users = User.objects.bulk_create(
        User(username=f"bench{i}", email=f"bench{i}@example.com", role=Role.AGENT)
        for i in range(AGENTS)
    )
    placement = [
        (rng.choices(TEAMS, TEAM_SHARE)[0], rng.choices(LEVELS, (0.6, 0.3, 0.1))[0]) for _ in users
    ]
    profiles = AgentProfile.objects.bulk_create(
        AgentProfile(
            user=user,
            level=levels[level],
            languages=["de", "en"] if rng.random() < 0.6 else ["de"],
            max_open_tickets=40,
            channel_caps={"chat": 2},
        )
        for user, (_team, level) in zip(users, placement, strict=True)
    )
    TeamMembership.objects.bulk_create(
        TeamMembership(user=user, team=teams[team])
        for user, (team, _level) in zip(users, placement, strict=True)
    )
    through = AgentProfile.skills.through
    links, proficiencies = [], []
    for profile in profiles:
        for skill in skills:
            if rng.random() < 0.5:
                links.append(through(agentprofile_id=profile.pk, skill_id=skill.pk))
                proficiencies.append(
                    SkillProficiency(agent=profile, skill=skill, proficiency=rng.randint(1, 5))
                )
    through.objects.bulk_create(links)
    SkillProficiency.objects.bulk_create(proficiencies)
    customer = User.objects.create(username="bench-customer", email="c@example.com")
    now = timezone.now()
    Ticket.objects.bulk_create(
        (
            Ticket(
                number=100_000 + index,
                subject=f"Ticket {index}",
                requester=customer,
                channel=rng.choice(("email", "web", "phone", "chat")),
                team=teams[placement[agent][0]],
                level=levels[placement[agent][1]],
                status=rng.choice((Status.NEW, Status.OPEN, Status.PENDING_CUSTOMER)),
                assignee=users[agent],
                created_at=now,
                updated_at=now,
            )
            for index, agent in enumerate(rng.randrange(AGENTS) for _ in range(OPEN_TICKETS))
        ),
        batch_size=2000,
    )


# --- the previous applied decision (ORM querysets), kept as the baseline ---------------


def baseline_choose_on_arrival(
    *, decision: Any, team: Any, level: Any, language: str, channel: str, skills: tuple[str, ...]
) -> tuple[int | None, tuple[str, ...]]:
    """``dispatch.choose_on_arrival`` before it was rewritten, query for query."""
    from tierdesk.accounts.models import STAFF_ROLES, User
    from tierdesk.routing.assignment import Needs, choose_agent
    from tierdesk.routing.models import TeamMode, TeamRouting
    from tierdesk.teams.models import AgentProfile

    mode = TeamRouting.objects.filter(team=team).values_list("mode", flat=True).first()
    push = (mode or TeamMode.PULL) == TeamMode.PUSH
    if not push and decision.preferred_agent_id is None:
        return None, (f"{team.slug} works in pull mode: left in the queue",)
    now = timezone.now()
    candidates = AgentProfile.objects.filter(
        user__team_memberships__team=team,
        level=level,
        user__role__in=STAFF_ROLES,
        user__is_active=True,
    ).order_by("pk")
    rows = baseline_agent_rows(candidates.select_for_update(of=("self",)))
    needs = Needs(
        team_slug=team.slug,
        level_code=level.code,
        language=language,
        channel=channel,
        required_skills=skills,
        min_proficiency=decision.min_proficiency,
        preferred_agent_id=decision.preferred_agent_id,
    )
    result = choose_agent(needs, baseline_agent_states(rows, now=now, team=team, wanted=skills))
    if not push and result.agent_id != decision.preferred_agent_id:
        return None, (result.reasons[0], f"{team.slug} works in pull mode: left in the queue")
    if result.agent_id is not None:
        AgentProfile.objects.filter(user_id=result.agent_id).update(last_assigned_at=now)
        User.objects.get(pk=result.agent_id)
    return result.agent_id, result.reasons


def baseline_agent_rows(profiles: Any) -> list[Any]:
    from tierdesk.routing.dispatch import AgentRow

    fields = (
        "pk", "user_id", "level__code", "languages", "max_open_tickets", "channel_caps",
        "last_assigned_at", "is_available", "presence", "shift_start", "shift_end",
        "absent_until", "user__is_active",
    )  # fmt: skip
    return [
        AgentRow(
            profile_id=pk,
            user_id=user_id,
            level_code=level_code,
            languages=tuple(languages or ()),
            cap=cap,
            channel_caps={str(k): int(v) for k, v in (channel_caps or {}).items()},
            last_assigned_at=last_assigned_at,
            is_available=is_available,
            presence=presence,
            shift_start=shift_start,
            shift_end=shift_end,
            absent_until=absent_until,
            user_is_active=user_is_active,
        )
        for (
            pk, user_id, level_code, languages, cap, channel_caps, last_assigned_at,
            is_available, presence, shift_start, shift_end, absent_until, user_is_active,
        ) in profiles.values_list(*fields)
    ]  # fmt: skip


def baseline_agent_states(rows: list[Any], *, now: Any, team: Any, wanted: Any) -> list[Any]:
    from collections import defaultdict

    from django.db.models import Count

    from tierdesk.routing.assignment import AgentState
    from tierdesk.routing.models import DEFAULT_PROFICIENCY, SkillProficiency
    from tierdesk.teams.models import AgentProfile
    from tierdesk.tickets.models import OPEN_STATUSES, Ticket

    if not rows:
        return []
    user_ids = [row.user_id for row in rows]
    open_by_channel: dict[int, dict[str, int]] = defaultdict(dict)
    for assignee_id, channel, count in (
        Ticket.objects.filter(assignee_id__in=user_ids, status__in=OPEN_STATUSES)
        .values_list("assignee_id", "channel")
        .annotate(count=Count("id"))
        .order_by()
    ):
        open_by_channel[assignee_id][channel] = count
    skills: dict[int, dict[str, int]] = defaultdict(dict)
    wanted = list(wanted)
    if wanted:
        profile_ids = [row.profile_id for row in rows]
        links = AgentProfile.skills.through.objects.filter(
            agentprofile_id__in=profile_ids, skill__code__in=wanted
        )
        levels = SkillProficiency.objects.filter(agent_id__in=profile_ids, skill__code__in=wanted)
        for profile_id, code in links.values_list("agentprofile_id", "skill__code"):
            skills[profile_id][code] = DEFAULT_PROFICIENCY
        for profile_id, code, level in levels.values_list("agent_id", "skill__code", "proficiency"):
            if code in skills[profile_id]:
                skills[profile_id][code] = level
    return [
        AgentState(
            agent_id=row.user_id,
            team_slugs=frozenset({team.slug}),
            level_code=row.level_code,
            languages=frozenset(row.languages),
            skills=skills[row.profile_id],
            open_tickets=sum(open_by_channel[row.user_id].values()),
            cap=row.cap,
            routable=row.routable(now),
            open_by_channel=open_by_channel[row.user_id],
            channel_caps=row.channel_caps,
            last_assigned=row.last_assigned_at.timestamp() if row.last_assigned_at else None,
        )
        for row in rows
    ]


# --- the applied decision on the database -----------------------------------------------


def database_benchmarks(rng: random.Random) -> None:
    from tierdesk.routing.dispatch import choose_on_arrival
    from tierdesk.routing.rules import RoutingDecision
    from tierdesk.teams.models import Level, Team

    build_department(rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    support = Team.objects.get(slug="support")
    l1 = Level.objects.get(code="L1")
    print(f"\n== applied decision on {connection.vendor} ({AGENTS} agents, {OPEN_TICKETS} open) ==")
    candidates = support.memberships.filter(user__agent_profile__level=l1).count()
    arrivals = [
        (
            RoutingDecision(
                team_slug="support",
                required_skills=(rng.choice(SKILLS),) if rng.random() < 0.5 else (),
                min_proficiency=rng.randint(1, 3),
            ),
            rng.choice(("de", "en")),
            rng.choice(("email", "web", "phone", "chat")),
        )
        for _ in range(DB_REPEATS)
    ]
    chosen: dict[str, list[tuple[int | None, tuple[str, ...]]]] = {"old": [], "new": []}

    def rolled_back(index: int, way: str, load_user: bool = False) -> None:
        decision, language, channel = arrivals[index % len(arrivals)]
        arguments = dict(
            decision=decision,
            team=support,
            level=l1,
            language=language,
            channel=channel,
            skills=decision.required_skills,
        )
        with transaction.atomic():
            if way == "old":
                outcome = baseline_choose_on_arrival(**arguments)
            else:
                result = choose_on_arrival(**arguments)
                if load_user:
                    _agent = result.agent
                outcome = (result.agent_id, result.reasons)
            if not load_user:
                chosen[way].append(outcome)
            transaction.set_rollback(True)

    medians = timed_together(
        {
            f"baseline (ORM): lock {candidates} agents, count, decide": lambda i: rolled_back(
                i, "old"
            ),
            "choose_on_arrival: lock, count, decide": lambda i: rolled_back(i, "new"),
            "choose_on_arrival + load the chosen User": lambda i: rolled_back(i, "new", True),
        },
        DB_REPEATS,
    )
    old, new, with_user = medians.values()
    print(f"median ratio baseline / choose_on_arrival: {old / new:.1f}× "
          f"(with the User loaded: {old / with_user:.1f}×)")  # fmt: skip
    same = sum(a == b for a, b in zip(chosen["old"], chosen["new"], strict=True))
    assigned = sum(1 for agent_id, _reasons in chosen["new"] if agent_id is not None)
    print(
        f"same agent and reasons in {same} of {len(chosen['new'])} arrivals; "
        f"an agent was found in {assigned}"
    )


def classifier_accuracy() -> None:
    """The tables of docs/type-classifier.md: the labelled set, and the demo's templates."""
    from tierdesk.demo import texts_de, texts_en
    from tierdesk.routing.evaluation import LabelledTicket, confusion, load_labelled_set, measure
    from tierdesk.routing.keywords import default_keywords

    keywords = default_keywords()
    labelled = load_labelled_set()
    print("| set | threshold | tickets | type | team | both | routed | routed correct |")
    print("|---" * 8 + "|")
    sets = {
        "labelled, dev": [t for t in labelled if t.split == "dev"],
        "labelled, test": [t for t in labelled if t.split == "test"],
        "labelled, all": labelled,
    }
    # The demo's customer texts: written by someone else, never used for tuning.
    intent_label = {
        "question": ("question", "support"),
        "incident": ("incident", "support"),
        "return": ("return", "returns"),
        "complaint": ("complaint", "complaints"),
        "sales_inquiry": ("sales_inquiry", "sales"),
        "cancellation": ("cancellation", "loyalty"),
        "loyalty": ("question", "loyalty"),
    }
    context = {
        "customer": "Anna Schmidt", "product": "Heimwacht Raumthermostat T3",
        "order": "HW-123456", "error": "E-221", "firmware": "3.1.0", "app_version": "4.9.0",
        "carrier": "DHL", "days": "5", "amount": "25,00", "points": "500", "quantity": "40",
        "agent": "", "ticket": "",
    }  # fmt: skip
    demo = []
    for language, module in (("de", texts_de), ("en", texts_en)):
        for intent, pairs in module.CUSTOMER_REQUESTS.items():
            kind, team = intent_label[intent]
            for subject, body in pairs:
                demo.append(
                    LabelledTicket(
                        len(demo), "demo", language, kind, team,
                        subject.format_map(context), body.format_map(context),
                    )
                )  # fmt: skip
    sets["demo templates (independent)"] = demo
    for name, tickets in sets.items():
        for threshold in (0.5, 0.6, 0.7):
            accuracy = measure(tickets, keywords, threshold=threshold)
            print(f"| {name} | {threshold:.1f} {accuracy.as_row()}")
    print("\nconfusion on the demo templates (true type, proposed type): count")
    for (true, proposed), count in sorted(confusion(demo, keywords).items()):
        print(f"  {true:>14} → {proposed:<14} {count}")


def main() -> None:
    from django.conf import settings
    from django.test.utils import get_runner

    print(f"Python {platform.python_version()}, {platform.machine()}, database {connection.vendor}")
    if "--classifier" in sys.argv:
        classifier_accuracy()
        return
    rng = random.Random(7)
    pure_benchmarks(rng)
    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        database_benchmarks(rng)
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
