"""The API names where escalating would take a ticket, takes a chosen team, and shows
who stays the customer's contact while Third Level works on it."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from tests.api.conftest import ApiCall
from tests.api.conftest import call_api as call_api
from tierdesk.routing.models import EscalationPath, Product
from tierdesk.teams.models import Level, Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def lock_ticket(department: Any) -> str:
    """A door-lock ticket at L1 whose Third Level is the locks' engineering group."""
    support = Team.objects.get(slug="support")
    locks = Team.objects.create(slug="locks-engineering", name_en="Locks", name_de="Schlösser")
    lock = Product.objects.create(code="schloss-s1", name="Türschloss S1", keywords="Türschloss")
    EscalationPath.objects.create(
        team=support, level=Level.objects.get(code="L3"), product=lock, target_team=locks
    )
    ticket = factories.ticket(department.customer_a, subject="Türschloss klemmt")
    return f"/api/v1/tickets/{ticket.number}"


def test_staff_see_the_targets_customers_do_not(
    department: Any, call_api: ApiCall, lock_ticket: str
) -> None:
    staff = call_api(department.l1, "GET", lock_ticket).json()
    assert staff["escalation_targets"] == [
        {
            "level": "L2",
            "team": "support",
            "from_path": False,
            "reason": "no escalation path set: stays with Customer Support",
        },
        {
            "level": "L3",
            "team": "locks-engineering",
            "from_path": True,
            "reason": "escalation path of Customer Support for Türschloss S1",
        },
    ]
    assert staff["customer_contact"] is None
    customer = call_api(department.customer_a, "GET", lock_ticket).json()
    assert customer["escalation_targets"] is None


def test_escalating_follows_the_path_and_keeps_the_contact(
    department: Any, call_api: ApiCall, lock_ticket: str
) -> None:
    moved = call_api(
        department.l1, "POST", lock_ticket + "/escalate", {"to_level": "L3", "reason": "Firmware"}
    )
    assert moved.status_code == 200, moved.json()
    assert (moved.json()["team"], moved.json()["level"]) == ("locks-engineering", "L3")
    detail = call_api(department.l1, "GET", lock_ticket).json()
    assert detail["customer_contact"] == "l1"


def test_a_chosen_team_wins_and_an_unknown_one_is_refused(
    department: Any, call_api: ApiCall, lock_ticket: str
) -> None:
    refused = call_api(
        department.l1,
        "POST",
        lock_ticket + "/escalate",
        {"to_level": "L3", "reason": "x", "to_team": "nope"},
    )
    assert refused.status_code == 422
    assert "nope" in refused.json()["detail"]
    assert call_api(department.l1, "GET", lock_ticket).json()["level"] == "L1"
    chosen = call_api(
        department.l1,
        "POST",
        lock_ticket + "/escalate",
        {"to_level": "L3", "reason": "App-Fehler", "to_team": "support"},
    )
    assert (chosen.json()["team"], chosen.json()["level"]) == ("support", "L3")
