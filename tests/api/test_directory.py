"""/me, /teams and /levels tell a client who it is and what it can fill in."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import ApiCall
from tierdesk.customers.models import Organisation


def test_me_for_agent_and_customer(department: Any, call_api: ApiCall) -> None:
    agent = call_api(department.l3, "GET", "/api/v1/me").json()
    assert (agent["role"], agent["is_agent"], agent["level"], agent["teams"]) == (
        "agent",
        True,
        "L3",
        ["support"],
    )
    acme = Organisation.objects.create(name="ACME")
    department.customer_a.organisation = acme
    department.customer_a.save(update_fields=["organisation"])
    customer = call_api(department.customer_a, "GET", "/api/v1/me").json()
    assert (customer["role"], customer["is_agent"], customer["level"]) == ("customer", False, None)
    assert customer["organisation"] == {"id": acme.pk, "name": "ACME"}


def test_teams_and_levels(department: Any, call_api: ApiCall) -> None:
    teams = call_api(department.customer_a, "GET", "/api/v1/teams").json()
    assert {team["slug"] for team in teams} == {
        "sales",
        "account_management",
        "loyalty",
        "returns",
        "complaints",
        "support",
    }
    levels = call_api(department.customer_a, "GET", "/api/v1/levels").json()
    assert [level["code"] for level in levels] == ["pre_support", "self_service", "L1", "L2", "L3"]
    assert [level["talks_to_customers"] for level in levels][-1] is False
