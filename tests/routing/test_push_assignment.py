"""Push teams assign on arrival: qualified, on shift, under cap, least loaded, round-robin."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.teams.models import AgentProfile, Presence
from tierdesk.tickets.models import EventKind, Ticket
from tierdesk.tickets.services import ticket_change_status

pytestmark = pytest.mark.django_db


def arrive(subject: str = "Drucker druckt nicht", **kwargs: object):  # type: ignore[no-untyped-def]
    return factories.ticket(factories.customer(), subject=subject, **kwargs)


def test_pull_team_leaves_tickets_in_the_queue() -> None:
    routing_agent("ida")
    ticket = arrive()
    assert ticket.assignee is None
    assert "pull mode" in ticket.events.get(kind=EventKind.ROUTED).data["reasons"][-1]


def test_push_team_assigns_round_robin_then_least_loaded() -> None:
    set_mode("support")
    agents = [routing_agent(name) for name in ("ada", "ben", "cem")]
    first = [arrive().assignee for _ in range(3)]
    assert sorted(a.username for a in first if a) == ["ada", "ben", "cem"]
    ticket_change_status(
        Ticket.objects.get(assignee=agents[1]),
        actor=agents[1],
        status="solved",
    )
    assert arrive().assignee == agents[1]  # now the least loaded
    routed = Ticket.objects.order_by("-id").first().events.get(kind=EventKind.ROUTED)
    assert routed.data["reasons"][-1] == "assigned to ben"
    assert routed.data["reasons"][-2].startswith("least loaded of 3 qualified agents (0 open")


@pytest.mark.parametrize("presence", [Presence.BREAK, Presence.OFF_SHIFT, Presence.ABSENT])
def test_never_to_an_agent_who_is_not_working(presence: str) -> None:
    set_mode("support")
    away = routing_agent("away")
    AgentProfile.objects.filter(user=away).update(presence=presence)
    here = routing_agent("here")
    assert {arrive().assignee for _ in range(3)} == {here}


def test_never_outside_shift_hours_or_while_marked_unavailable() -> None:
    set_mode("support")
    night = routing_agent("night")
    now = timezone.localtime()
    start = (now + timedelta(hours=2)).time().replace(microsecond=0)
    end = (now + timedelta(hours=4)).time().replace(microsecond=0)
    AgentProfile.objects.filter(user=night).update(shift_start=start, shift_end=end)
    unavailable = routing_agent("unavailable")
    AgentProfile.objects.filter(user=unavailable).update(is_available=False)
    absent_later = routing_agent("absent_later")
    AgentProfile.objects.filter(user=absent_later).update(absent_until=timezone.localdate())
    day = routing_agent("day")
    AgentProfile.objects.filter(user=day).update(shift_start=time(0, 0), shift_end=time(23, 59, 59))
    assert {arrive().assignee for _ in range(3)} == {day}


def test_cap_is_never_exceeded_the_rest_waits_in_the_queue() -> None:
    set_mode("support")
    only = routing_agent("only", cap=2)
    tickets = [arrive() for _ in range(4)]
    assert [t.assignee for t in tickets] == [only, only, None, None]
    reasons = tickets[2].events.get(kind=EventKind.ROUTED).data["reasons"]
    assert reasons[-1] == "no qualified agent (1 at cap)"


def test_channel_cap_limits_chats_only() -> None:
    set_mode("support")
    chatter = routing_agent("chatter", cap=10, channel_caps={"chat": 2})
    chats = [arrive(channel="chat") for _ in range(3)]
    assert [t.assignee for t in chats] == [chatter, chatter, None]
    assert arrive(channel="email").assignee == chatter


def test_language_and_skills_decide_who_qualifies() -> None:
    from tierdesk.routing.models import RoutingRule
    from tierdesk.teams.models import Skill

    set_mode("support")
    routing_agent("german_only", languages=["de"], skills={"networking": 5})
    routing_agent("novice", languages=["de", "en"], skills={"networking": 2})
    expert = routing_agent("expert", languages=["de", "en"], skills={"networking": 4})
    rule = RoutingRule.objects.create(name="WLAN", keywords="WLAN, wifi", min_proficiency=3)
    rule.required_skills.add(Skill.objects.get(code="networking"))
    english = factories.customer(language="en")
    ticket = factories.ticket(english, subject="Wifi drops", body="The WLAN keeps dropping.")
    assert ticket.assignee == expert
