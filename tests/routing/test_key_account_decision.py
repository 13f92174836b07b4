"""Key accounts and VIP customers in the pure decision."""

from __future__ import annotations

from tierdesk.routing.rules import Policy, Rule, TicketFacts, decide

COMPLAINTS = Rule(1, "Beschwerden", keywords=("beschwerde",), set_team_slug="complaints")


def facts(**overrides: object) -> TicketFacts:
    values: dict[str, object] = {
        "subject": "Beschwerde",
        "body": "Ich bin unzufrieden.",
        "channel": "email",
        "ticket_type": None,
        "organisation_id": 1,
        "is_key_account": False,
    }
    values.update(overrides)
    return TicketFacts(**values)  # type: ignore[arg-type]


def test_key_account_goes_to_its_manager_at_the_policy_priority() -> None:
    decision = decide(
        facts(
            is_key_account=True,
            account_manager_id=42,
            account_manager_team_slug="account_management",
            account_manager_level_code="L2",
        ),
        [COMPLAINTS],
        policy=Policy(key_account_priority=4),
    )
    assert decision.team_slug == "account_management"
    assert decision.level_code == "L2"
    assert decision.priority == 4
    assert decision.preferred_agent_id == 42
    assert "key account: to the account manager" in decision.reasons[-1]


def test_key_account_without_manager_goes_to_the_account_team() -> None:
    decision = decide(facts(is_key_account=True), [COMPLAINTS], policy=Policy())
    assert decision.team_slug == "account_management"
    assert decision.preferred_agent_id is None
    assert "account team" in decision.reasons[-1]


def test_vip_customer_goes_to_the_account_team_at_the_policy_priority() -> None:
    decision = decide(facts(is_vip=True), [COMPLAINTS], policy=Policy(vip_priority=4))
    assert (decision.team_slug, decision.priority) == ("account_management", 4)


def test_vip_can_keep_the_rule_team_by_policy() -> None:
    policy = Policy(vip_to_account_team=False)
    decision = decide(facts(is_vip=True), [COMPLAINTS], policy=policy)
    assert (decision.team_slug, decision.priority) == ("complaints", 3)


def test_ordinary_customer_is_untouched_by_the_policy() -> None:
    decision = decide(facts(), [COMPLAINTS], policy=Policy())
    assert (decision.team_slug, decision.priority, decision.preferred_agent_id) == (
        "complaints",
        None,
        None,
    )
