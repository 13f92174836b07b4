"""Escalation L1 → L2 → L3 and back down to L2 through the API, each step on the timeline."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.models import Escalation


def test_escalate_up_and_hand_back(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}"
    call_api(department.l1, "PATCH", path, {"assignee": "l1"})

    to_l2 = call_api(
        department.l1,
        "POST",
        path + "/escalate",
        {"to_level": "L2", "reason": "Treiberproblem", "summary": "Neustart half nicht"},
    )
    assert to_l2.status_code == 200, to_l2.json()
    assert (to_l2.json()["level"], to_l2.json()["assignee"]) == ("L2", None)
    call_api(department.l2, "PATCH", path, {"assignee": "l2"})

    version = call_api(department.l2, "GET", path).json()["version"]
    to_l3 = call_api(
        department.l2,
        "POST",
        path + "/escalate",
        {"to_level": "L3", "reason": "Fehler in der Firmware", "version": version},
    )
    assert to_l3.status_code == 200
    assert to_l3.json()["level"] == "L3"

    back = call_api(
        department.l3,
        "POST",
        path + "/de-escalate",
        {
            "to_level": "L2",
            "reason": "Firmware 2.1 behebt es",
            "summary": "Bitte Kunde informieren",
        },
    )
    assert back.status_code == 200
    # Back to the Second Level agent who escalated it.
    assert (back.json()["level"], back.json()["assignee"]) == ("L2", "l2")

    detail = call_api(department.l2, "GET", path).json()
    moves = [
        (event["kind"], event["data"]["old"], event["data"]["new"], event["actor"])
        for event in detail["events"]
        if event["kind"] in ("escalated", "de_escalated")
    ]
    assert moves == [
        ("escalated", "L1", "L2", "l1"),
        ("escalated", "L2", "L3", "l2"),
        ("de_escalated", "L3", "L2", "l3"),
    ]
    assert [e["reason"] for e in detail["escalations"]] == [
        "Treiberproblem",
        "Fehler in der Firmware",
        "Firmware 2.1 behebt es",
    ]
    assert detail["escalations"][0]["summary"] == "Neustart half nicht"
    assert Escalation.objects.filter(ticket=ticket).count() == 3


def test_wrong_escalations_are_refused(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}"
    cases = [
        (department.l1, "/escalate", {"to_level": "L9", "reason": "x"}, 422, "L9"),
        (department.l1, "/escalate", {"to_level": "L1", "reason": "x"}, 422, "goes up"),
        (department.l1, "/escalate", {"to_level": "L2", "reason": "   "}, 422, "reason"),
        (department.l1, "/escalate", {"to_level": "L2"}, 422, "reason"),
        (department.l1, "/de-escalate", {"to_level": "L2", "reason": "x"}, 422, "cannot be handed"),
        (department.customer_a, "/escalate", {"to_level": "L2", "reason": "x"}, 403, "agents"),
        (
            department.l1,
            "/escalate",
            {"to_level": "L2", "reason": "x", "version": 99},
            409,
            "Reload",
        ),
    ]
    for user, suffix, body, status, words in cases:
        response = call_api(user, "POST", path + suffix, body)
        assert response.status_code == status, (body, response.json())
        assert words in response.json()["detail"], (body, response.json())
    assert not Escalation.objects.exists()
