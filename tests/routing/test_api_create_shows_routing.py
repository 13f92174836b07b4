"""Opening a ticket through the API answers with the routing outcome and, for agents, why."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import ApiCall
from tests.api.conftest import call_api as call_api
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.routing.models import RoutingRule
from tierdesk.teams.models import Team

pytestmark = pytest.mark.django_db


def test_agent_sees_team_level_type_priority_assignee_and_reasons(
    department: Any, call_api: ApiCall
) -> None:
    rule = RoutingRule.objects.create(
        name="Retouren",
        keywords="Retoure",
        set_team=Team.objects.get(slug="returns"),
        set_type="return",
        set_priority=3,
    )
    set_mode("returns")
    rita = routing_agent("rita", team="returns")
    response = call_api(
        department.l1,
        "POST",
        "/api/v1/tickets",
        {"subject": "Retoure", "body": "Bitte abholen.", "customer_email": "k@example.com"},
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["team"], data["level"], data["type"], data["priority"], data["assignee"]) == (
        "returns",
        "L1",
        "return",
        "high",
        rita.username,
    )
    assert data["routing"]["rule"] == "Retouren"
    assert data["routing"]["reasons"][0] == f"rule {rule.pk} (Retouren)"
    assert "assigned to rita" in data["routing"]["reasons"]


def test_customer_gets_no_reasons(department: Any, call_api: ApiCall) -> None:
    response = call_api(
        department.customer_a, "POST", "/api/v1/tickets", {"subject": "Frage", "body": "Hallo"}
    )
    assert response.status_code == 201
    assert response.json()["routing"] is None
