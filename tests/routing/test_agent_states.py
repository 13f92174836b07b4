"""The router's locked read of agents' states agrees with the model view, in few queries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from tests import factories
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.accounts.models import Role, User
from tierdesk.routing.assignment import Needs, choose_agent, why_not
from tierdesk.routing.candidates import agent_states_for, arrival_states
from tierdesk.routing.dispatch import (
    ArrivalAssignment,
    agent_rows,
    agent_states,
    candidate_agents,
    choose_on_arrival,
)
from tierdesk.routing.models import SkillProficiency, TeamMode
from tierdesk.routing.rules import RoutingDecision
from tierdesk.teams.models import AgentProfile, Level, Presence, Skill, Team
from tierdesk.tickets.models import Status, Ticket

pytestmark = pytest.mark.django_db


def give(agent: User, count: int, *, channel: str = "email", status: str = Status.OPEN) -> None:
    """``count`` tickets assigned to ``agent`` (stored directly: only their load matters)."""
    requester = factories.customer()
    support, l1 = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    now = timezone.now()
    start = Ticket.objects.count() + 500_000
    Ticket.objects.bulk_create(
        Ticket(
            number=start + index,
            subject="Last",
            requester=requester,
            channel=channel,
            team=support,
            level=l1,
            status=status,
            assignee=agent,
            created_at=now,
            updated_at=now,
        )
        for index in range(count)
    )


@pytest.fixture
def mixed_team() -> None:
    """Agents of every kind the router must tell apart."""
    now = timezone.localtime()
    expert = routing_agent("expert", skills={"networking": 5, "billing": 2}, cap=6)
    routing_agent("linked_only", skills={"networking": 3})  # proficiency row removed below
    SkillProficiency.objects.filter(agent__user__username="linked_only").delete()
    novice = routing_agent("novice", languages=["de"], skills={"networking": 1})
    chatter = routing_agent("chatter", channel_caps={"chat": 2}, cap=4)
    full = routing_agent("full", cap=3)
    for name, presence in (("pausing", Presence.BREAK), ("gone", Presence.ABSENT)):
        away = routing_agent(name)
        AgentProfile.objects.filter(user=away).update(presence=presence)
    later = routing_agent("later")
    AgentProfile.objects.filter(user=later).update(
        shift_start=(now + timedelta(hours=2)).time(), shift_end=(now + timedelta(hours=3)).time()
    )
    night = routing_agent("night")  # a shift over midnight that is on now
    AgentProfile.objects.filter(user=night).update(
        shift_start=(now - timedelta(hours=1)).time(),
        shift_end=(now - timedelta(hours=2)).time(),
    )
    holiday = routing_agent("holiday")
    AgentProfile.objects.filter(user=holiday).update(absent_until=timezone.localdate())
    unavailable = routing_agent("unavailable")
    AgentProfile.objects.filter(user=unavailable).update(is_available=False)
    routing_agent("lead", role=Role.TEAM_LEAD, is_lead=True)
    routing_agent("other_team", team="sales")
    routing_agent("other_level", level="L2")
    retired = routing_agent("retired")
    User.objects.filter(pk=retired.pk).update(is_active=False)
    # A proficiency without the skill linked is no skill at all.
    stray = AgentProfile.objects.get(user=novice)
    billing, _created = Skill.objects.get_or_create(code="billing", defaults={"name": "billing"})
    SkillProficiency.objects.create(agent=stray, skill=billing, proficiency=5)
    give(expert, 2)
    give(expert, 1, status=Status.SOLVED)
    give(chatter, 2, channel="chat")
    give(chatter, 1, status=Status.PENDING_CUSTOMER)
    give(full, 3, status=Status.ON_HOLD)
    give(novice, 1, status=Status.CLOSED)


NEEDS = [
    Needs("support", "L1", language="de", channel="email"),
    Needs("support", "L1", language="en", channel="chat"),
    Needs("support", "L1", language="de", channel="chat", required_skills=("networking",)),
    Needs("support", "L1", required_skills=("networking",), min_proficiency=3),
    Needs("support", "L1", required_skills=("networking", "billing"), min_proficiency=2),
    Needs("support", "L1", channel="phone", required_skills=("unknown-skill",)),
]


@pytest.mark.usefixtures("mixed_team")
@pytest.mark.parametrize("needs", NEEDS)
def test_same_verdict_for_every_agent_as_the_model_view(needs: Needs) -> None:
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    now = timezone.now()
    with transaction.atomic():
        fast = agent_states_for(team, level, needs, now=now)
    full = agent_states(
        agent_rows(candidate_agents(team, level)),
        now=now,
        team=team,
        skills_needed=needs.required_skills,
    )
    assert [state.agent_id for state in fast] == [state.agent_id for state in full]
    for quick, complete in zip(fast, full, strict=True):
        assert why_not(quick, needs) == why_not(complete, needs), quick.agent_id
        if why_not(complete, needs) is None:
            assert quick.skills == complete.skills
            assert quick.open_tickets == complete.open_tickets
            channel = needs.channel
            if channel in quick.channel_caps:  # counted by channel only where a cap applies
                in_channel = quick.open_by_channel.get(channel, 0)
                assert in_channel == complete.open_by_channel.get(channel, 0)
    assert choose_agent(needs, fast) == choose_agent(needs, full)
    usernames = set(
        User.objects.filter(pk__in=[s.agent_id for s in fast]).values_list("username", flat=True)
    )
    assert {"retired", "other_team", "other_level"}.isdisjoint(usernames)
    assert "lead" in usernames  # team leads take tickets too


@pytest.mark.usefixtures("mixed_team")
def test_the_verdicts_name_each_reason() -> None:
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    needs = Needs("support", "L1", language="en", channel="chat", required_skills=("networking",))
    with transaction.atomic():
        states = agent_states_for(team, level, needs, now=timezone.now())
    names = dict(User.objects.values_list("pk", "username"))
    verdicts = {names[state.agent_id]: why_not(state, needs) for state in states}
    assert verdicts == {
        "expert": None,
        "linked_only": None,  # a linked skill without a recorded level counts as 3
        "novice": "does not speak en",
        "chatter": "lacks networking",
        "full": "lacks networking",
        "pausing": "not available",
        "gone": "not available",
        "later": "not available",
        "night": "lacks networking",
        "holiday": "not available",
        "unavailable": "not available",
        "lead": "lacks networking",
    }


@pytest.mark.usefixtures("mixed_team")
def test_loads_and_channel_caps_of_qualified_agents() -> None:
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    needs = Needs("support", "L1", language="de", channel="chat")
    with transaction.atomic():
        states = agent_states_for(team, level, needs, now=timezone.now())
    by_name = {
        User.objects.get(pk=state.agent_id).username: state for state in states if state.routable
    }
    assert by_name["expert"].open_tickets == 2  # the solved one does not count
    assert (by_name["chatter"].open_tickets, by_name["chatter"].open_by_channel) == (3, {"chat": 2})
    assert why_not(by_name["chatter"], needs) == "at chat cap"
    assert why_not(by_name["full"], needs) == "at cap"  # on hold counts as open


@pytest.mark.django_db(transaction=True)
def test_locking_needs_a_transaction_and_reading_does_not() -> None:
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    needs = Needs("support", "L1")
    routing_agent("outside")
    with pytest.raises(TransactionManagementError):
        agent_states_for(team, level, needs, now=timezone.now())
    read = agent_states_for(team, level, needs, now=timezone.now(), lock=False)
    assert [state.agent_id for state in read] == [User.objects.get(username="outside").pk]


def arrive(**overrides: object) -> ArrivalAssignment:
    arguments: dict[str, object] = {
        "decision": RoutingDecision(team_slug="support"),
        "team": Team.objects.get(slug="support"),
        "level": Level.objects.get(code="L1"),
        "language": "de",
        "channel": "email",
        "skills": (),
    }
    arguments.update(overrides)
    with transaction.atomic():
        return choose_on_arrival(**arguments)  # type: ignore[arg-type]


def test_an_arrival_takes_three_statements_whatever_the_team_size(
    django_assert_num_queries: Callable[[int], object],
) -> None:
    set_mode("support")
    for index in range(30):
        routing_agent(f"agent{index}", skills={"networking": 1 + index % 5})
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    decision = RoutingDecision(team_slug="support", min_proficiency=4)
    # lock with mode and skills, open tickets, round-robin stamp (already in a transaction)
    with django_assert_num_queries(3):  # type: ignore[operator]
        result = choose_on_arrival(
            decision=decision,
            team=team,
            level=level,
            language="de",
            channel="chat",
            skills=("networking",),
        )
    assert result.agent_id is not None
    assert result.reasons == ("least loaded of 12 qualified agents (0 open, round-robin among 12)",)


def test_in_pull_mode_only_the_preferred_agent_is_read(
    django_assert_num_queries: Callable[[int], object],
) -> None:
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    others = [routing_agent(f"agent{index}") for index in range(5)]
    manager = routing_agent("manager", cap=1)
    needs = Needs("support", "L1", preferred_agent_id=manager.pk)
    push, states = arrival_states(team, level, needs, now=timezone.now())
    assert (push, [state.agent_id for state in states]) == (False, [manager.pk])
    set_mode("support")
    push, states = arrival_states(team, level, needs, now=timezone.now())
    assert (push, len(states)) == (True, len(others) + 1)
    set_mode("support", TeamMode.PULL)
    # Without a preferred agent a pull team reads no agent: the mode decides alone.
    decision = RoutingDecision(team_slug="support")
    with django_assert_num_queries(2):  # type: ignore[operator]
        result = choose_on_arrival(
            decision=decision, team=team, level=level, language="de", channel="email", skills=()
        )
    assert result.reasons == ("support works in pull mode: left in the queue",)
    give(manager, 1)
    preferring = RoutingDecision(team_slug="support", preferred_agent_id=manager.pk)
    refused = arrive(decision=preferring)
    assert refused.agent_id is None
    assert refused.reasons == (
        "preferred agent not assignable (at cap)",
        "support works in pull mode: left in the queue",
    )


def test_the_chosen_agent_is_stamped_for_round_robin_and_loaded_on_demand() -> None:
    set_mode("support")
    first, second = routing_agent("first"), routing_agent("second")
    before = timezone.now()
    result = arrive()
    assert result.agent_id == first.pk
    stamped = AgentProfile.objects.get(user=first).last_assigned_at
    assert stamped is not None and before <= stamped <= timezone.now()
    assert result.agent == first
    # Both have no tickets (nothing was created): round-robin moves on.
    assert arrive().agent_id == second.pk
    assert arrive().agent_id == first.pk


def test_nobody_qualified_means_no_agent_and_no_stamp() -> None:
    set_mode("support")
    only = routing_agent("only", languages=["de"])
    result = arrive(language="en")
    assert (result.agent_id, result.agent) == (None, None)
    assert result.reasons == ("no qualified agent (1 does not speak en)",)
    assert AgentProfile.objects.get(user=only).last_assigned_at is None
