"""A change based on an old version gets 409 with the current version; after reloading it works."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.models import EventKind, TimelineEvent


def test_conflict_then_success_after_reload(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}"
    seen = call_api(department.l1, "GET", path)
    assert seen["ETag"] == f'"{ticket.version}"'
    version = seen.json()["version"]

    first = call_api(department.lead, "PATCH", path, {"priority": "urgent", "version": version})
    assert first.status_code == 200, first.json()
    assert first.json()["version"] == version + 1
    assert first["ETag"] == f'"{version + 1}"'

    stale = call_api(
        department.l1, "PATCH", path, {"status": "pending_customer", "version": version}
    )
    assert stale.status_code == 409
    assert stale.json()["current_version"] == version + 1
    assert "changed by someone else" in stale.json()["detail"]
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority_name) == ("new", "urgent")

    reloaded = call_api(department.l1, "GET", path).json()["version"]
    retry = call_api(
        department.l1, "PATCH", path, {"status": "pending_customer", "version": reloaded}
    )
    assert retry.status_code == 200
    ticket.refresh_from_db()
    assert (ticket.status, ticket.priority_name) == ("pending_customer", "urgent")
    kinds = list(TimelineEvent.objects.filter(ticket=ticket).values_list("kind", flat=True))
    assert kinds.count(EventKind.PRIORITY) == 1 and kinds.count(EventKind.STATUS) == 1


def test_if_match_header(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}"
    etag = call_api(department.l1, "GET", path)["ETag"]
    ok = call_api(
        department.l1,
        "PATCH",
        path,
        {"priority": "high", "tags": ["VIP", "drucker"]},
        headers={"If-Match": etag},
    )
    assert ok.status_code == 200
    assert ok.json()["tags"] == ["drucker", "vip"]
    assert ok["ETag"] != etag
    stale = call_api(department.l1, "PATCH", path, {"type": "incident"}, headers={"If-Match": etag})
    assert stale.status_code == 409
    bad = call_api(department.l1, "PATCH", path, {"type": "incident"}, headers={"If-Match": "abc"})
    assert bad.status_code == 400
    disagree = call_api(
        department.l1,
        "PATCH",
        path,
        {"type": "incident", "version": 1},
        headers={"If-Match": '"2"'},
    )
    assert disagree.status_code == 400
    ticket.refresh_from_db()
    assert ticket.type == "question"


def test_assign_unassign_and_unknown_references(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}"
    assigned = call_api(department.l1, "PATCH", path, {"assignee": "l1"})
    assert assigned.json()["assignee"] == "l1"
    wrong_level = call_api(department.l1, "PATCH", path, {"assignee": "l2"})
    assert wrong_level.status_code == 422
    assert "Escalate it first" in wrong_level.json()["detail"]
    for body, word in (({"assignee": "ghost"}, "ghost"), ({"team": "nope"}, "nope")):
        response = call_api(department.l1, "PATCH", path, body)
        assert response.status_code == 422
        assert word in response.json()["detail"]
    unassigned = call_api(department.l1, "PATCH", path, {"assignee": None})
    assert unassigned.status_code == 200 and unassigned.json()["assignee"] is None
    null_status = call_api(department.l1, "PATCH", path, {"status": None})
    assert null_status.status_code == 422


def test_customer_cannot_patch_own_ticket(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    response = call_api(
        department.customer_a, "PATCH", f"/api/v1/tickets/{ticket.number}", {"status": "solved"}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Only agents can change tickets."
    ticket.refresh_from_db()
    assert ticket.status == "new"


def test_tag_only_change_bumps_version(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}"
    response = call_api(department.l1, "PATCH", path, {"tags": ["vip"], "version": ticket.version})
    assert response.status_code == 200
    assert response.json()["version"] == ticket.version + 1
