"""The pure choice of an agent: skills, language, caps, least-loaded, round-robin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tierdesk.routing.assignment import (
    AgentState,
    Needs,
    WaitingTicket,
    choose_agent,
    next_best_ticket,
    why_not,
)

NEEDS = Needs(team_slug="support", level_code="L1", language="de", channel="email")


def agent(agent_id: int, **overrides: object) -> AgentState:
    values: dict[str, object] = {
        "agent_id": agent_id,
        "team_slugs": frozenset({"support"}),
        "level_code": "L1",
        "languages": frozenset({"de"}),
        "skills": {},
        "open_tickets": 0,
        "cap": 10,
    }
    values.update(overrides)
    return AgentState(**values)  # type: ignore[arg-type]


def test_reasons_an_agent_does_not_qualify() -> None:
    assert why_not(agent(1, routable=False), NEEDS) == "not available"
    assert why_not(agent(1, team_slugs=frozenset({"sales"})), NEEDS) == "other team"
    assert why_not(agent(1, level_code="L2"), NEEDS) == "other level"
    assert why_not(agent(1, languages=frozenset({"en"})), NEEDS) == "does not speak de"
    assert why_not(agent(1, open_tickets=10), NEEDS) == "at cap"
    chat = Needs("support", "L1", channel="chat")
    busy = agent(1, open_by_channel={"chat": 2}, channel_caps={"chat": 2}, open_tickets=2)
    assert why_not(busy, chat) == "at chat cap"
    assert why_not(busy, NEEDS) is None  # the chat cap does not limit mail


def test_skills_need_the_proficiency_asked_for() -> None:
    needs = Needs("support", "L1", required_skills=("networking",), min_proficiency=4)
    assert why_not(agent(1, skills={"networking": 3}), needs) == "lacks networking"
    assert why_not(agent(1, skills={}), needs) == "lacks networking"
    assert why_not(agent(1, skills={"networking": 4}), needs) is None


def test_only_the_skilled_agent_gets_a_skilled_ticket() -> None:
    needs = Needs("support", "L1", required_skills=("networking",))
    result = choose_agent(needs, [agent(1), agent(2, skills={"networking": 3}, open_tickets=5)])
    assert result.agent_id == 2


def test_least_loaded_wins() -> None:
    agents = [agent(1, open_tickets=4), agent(2, open_tickets=1), agent(3, open_tickets=2)]
    result = choose_agent(NEEDS, agents)
    assert result.agent_id == 2
    assert result.reasons == ("least loaded of 3 qualified agents (1 open)",)


def test_ties_go_round_robin_never_assigned_first_then_longest_ago() -> None:
    agents = [
        agent(1, open_tickets=1, last_assigned=200.0),
        agent(2, open_tickets=1, last_assigned=100.0),
        agent(3, open_tickets=1, last_assigned=None),
    ]
    assert choose_agent(NEEDS, agents).agent_id == 3
    agents[2] = agent(3, open_tickets=1, last_assigned=300.0)
    result = choose_agent(NEEDS, agents)
    assert result.agent_id == 2
    assert "round-robin among 3" in result.reasons[0]


def test_round_robin_over_a_sequence_of_arrivals_visits_everyone() -> None:
    states = {i: agent(i) for i in (1, 2, 3)}
    order = []
    for clock in range(6):
        chosen = choose_agent(NEEDS, states.values()).agent_id
        assert chosen is not None
        order.append(chosen)
        old = states[chosen]
        states[chosen] = agent(chosen, open_tickets=old.open_tickets, last_assigned=float(clock))
        if clock == 2:  # everyone solved their ticket: loads equal again
            states = {i: agent(i, last_assigned=s.last_assigned) for i, s in states.items()}
    assert order[:3] == [1, 2, 3]
    assert sorted(order[3:]) == [1, 2, 3]


def test_nobody_qualified_explains_why() -> None:
    result = choose_agent(NEEDS, [agent(1, routable=False), agent(2, open_tickets=10)])
    assert result.agent_id is None
    assert result.reasons == ("no qualified agent (1 at cap, 1 not available)",)


def test_preferred_agent_wins_over_load_when_they_qualify() -> None:
    needs = Needs("support", "L1", preferred_agent_id=2)
    result = choose_agent(needs, [agent(1), agent(2, open_tickets=7)])
    assert result.agent_id == 2


def test_preferred_agent_at_cap_falls_back_to_the_team() -> None:
    needs = Needs("support", "L1", preferred_agent_id=2)
    result = choose_agent(needs, [agent(1), agent(2, open_tickets=10)])
    assert result.agent_id == 1
    assert result.reasons[0] == "preferred agent not assignable (at cap)"


def test_next_best_ticket_by_due_time_then_priority_then_age() -> None:
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)

    def waiting(ticket_id: int, **overrides: object) -> WaitingTicket:
        values: dict[str, object] = {
            "ticket_id": ticket_id,
            "priority": 2,
            "created_at": now,
            "team_slug": "support",
            "level_code": "L1",
            "language": "de",
        }
        values.update(overrides)
        return WaitingTicket(**values)  # type: ignore[arg-type]

    me = agent(1, skills={"billing": 3})
    tickets = [
        waiting(1, priority=4),  # no SLA clock: after all with one
        waiting(2, sla_due_at=now + timedelta(hours=2)),
        waiting(3, sla_due_at=now + timedelta(hours=1), required_skills=("networking",)),
        waiting(4, sla_due_at=now + timedelta(hours=2), priority=3),
        waiting(5, sla_due_at=now + timedelta(hours=2), priority=3, created_at=now - timedelta(1)),
    ]
    chosen = next_best_ticket(me, tickets)
    assert chosen is not None
    assert chosen.ticket_id == 5  # 3 is due first but needs a skill I lack
    assert next_best_ticket(agent(1, open_tickets=10), tickets) is None
