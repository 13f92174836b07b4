"""Benchmark: routing and assignment decisions with 500 agents and 10,000 open tickets.

Run with ``python bench/bench_routing.py`` (SQLite in a temporary directory) or with
``DATABASE_URL=postgres://…/tierdesk_bench python bench/bench_routing.py`` — the
database is created by the test runner's machinery, used, and dropped again.

Three layers are timed:

1. the pure decision ``assignment.choose_agent`` over agents' states held in memory —
   once over the ~100 agents of one team and level, once over all 500 agents (the
   worst case: every agent looked at);
2. the pure ``rules.decide`` with ten rules and the full classifier vocabulary;
3. the database path of a push arrival, ``dispatch.choose_on_arrival``: lock the
   candidate agents' rows, count their open tickets among the 10,000, load skills,
   decide — inside a transaction that is rolled back, so every decision sees the
   same state.

The department: 6 teams × 3 levels, 500 agents (Customer Support holds 40 %), two
languages, 4 skills with proficiencies, 10,000 open tickets spread over the agents.
The target is one decision under 5 ms.

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
DB_REPEATS = 300


def timed(label: str, repeats: int, call: Callable[[int], object]) -> float:
    """Median milliseconds per call; prints decisions per second."""
    for index in range(min(50, repeats)):
        call(index)  # warm up
    samples = []
    for index in range(repeats):
        start = time.perf_counter()
        call(index)
        samples.append(time.perf_counter() - start)
    median = statistics.median(samples) * 1000
    p95 = sorted(samples)[int(0.95 * len(samples))] * 1000
    print(
        f"{label:<58} median {median:7.3f} ms  p95 {p95:7.3f} ms  "
        f"{1000 / median:10,.0f} decisions/s"
    )
    return median


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


def database_benchmarks(rng: random.Random) -> None:
    from tierdesk.routing.dispatch import choose_on_arrival
    from tierdesk.routing.rules import RoutingDecision
    from tierdesk.teams.models import Level, Team

    build_department(rng)
    support = Team.objects.get(slug="support")
    l1 = Level.objects.get(code="L1")
    print(f"\n== database path on {connection.vendor} ({AGENTS} agents, {OPEN_TICKETS} open) ==")
    candidates = support.memberships.filter(user__agent_profile__level=l1).count()
    decisions = [
        RoutingDecision(
            team_slug="support",
            required_skills=(rng.choice(SKILLS),) if rng.random() < 0.5 else (),
        )
        for _ in range(DB_REPEATS)
    ]
    picked: list[object] = []

    def arrival(index: int) -> None:
        with transaction.atomic():
            result = choose_on_arrival(
                decision=decisions[index % len(decisions)],
                team=support,
                level=l1,
                language="de",
                channel="email",
                skills=decisions[index % len(decisions)].required_skills,
            )
            picked.append(result.agent)
            transaction.set_rollback(True)

    timed(
        f"choose_on_arrival: lock {candidates} agents, count, decide",
        DB_REPEATS,
        arrival,
    )
    assigned = sum(1 for agent in picked if agent is not None)
    print(f"(an agent was found in {assigned} of {len(picked)} decisions)")


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
