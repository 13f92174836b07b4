"""GET /tickets filters by team, level, status, assignee, channel and text, and pages."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.teams.models import Team
from tierdesk.tickets.models import Priority
from tierdesk.tickets.services import ticket_escalate, ticket_update


def _numbers(response: Any) -> set[int]:
    assert response.status_code == 200, response.json()
    return {item["number"] for item in response.json()["items"]}


def test_filters(department: Any, call_api: ApiCall) -> None:
    anna, manager = department.customer_a, department.manager
    printer = factories.ticket(anna, "Drucker kaputt", channel="email")
    invoice = factories.ticket(anna, "Rechnung falsch", channel="phone")
    escalated = factories.ticket(department.customer_b, "Server down", channel="web")
    ticket_escalate(escalated, actor=department.l1, to_level="L2", reason="Zu schwer")
    ticket_update(invoice, actor=manager, expected_version=None, assignee=department.l1)
    ticket_update(
        printer,
        actor=manager,
        expected_version=None,
        status="solved",
        team=Team.objects.get(slug="sales"),
    )
    base = "/api/v1/tickets"
    assert _numbers(call_api(manager, "GET", base)) == {
        printer.number,
        invoice.number,
        escalated.number,
    }
    assert _numbers(call_api(manager, "GET", base + "?team=sales")) == {printer.number}
    assert _numbers(call_api(manager, "GET", base + "?level=L2")) == {escalated.number}
    assert _numbers(call_api(manager, "GET", base + "?status=solved")) == {printer.number}
    assert _numbers(call_api(manager, "GET", base + "?open_only=true")) == {
        invoice.number,
        escalated.number,
    }
    assert _numbers(call_api(manager, "GET", base + "?assignee=l1")) == {invoice.number}
    assert _numbers(call_api(manager, "GET", base + "?channel=email")) == {printer.number}
    assert _numbers(call_api(manager, "GET", base + "?q=rechnung")) == {invoice.number}
    assert _numbers(call_api(manager, "GET", f"{base}?q=%23{escalated.number}")) == {
        escalated.number
    }
    # An L1 agent of Customer Support no longer sees the ticket moved to Sales.
    assert _numbers(call_api(department.l1, "GET", base)) == {invoice.number, escalated.number}


def test_pagination(department: Any, call_api: ApiCall) -> None:
    tickets = [factories.ticket(department.customer_a, f"Frage {i}") for i in range(5)]
    ticket_update(
        tickets[3], actor=department.manager, expected_version=None, priority=Priority.URGENT
    )
    response = call_api(department.l1, "GET", "/api/v1/tickets?limit=2&offset=0")
    data = response.json()
    assert (data["count"], data["limit"], data["offset"]) == (5, 2, 0)
    # Working order: most urgent first, then oldest.
    assert [item["number"] for item in data["items"]] == [tickets[3].number, tickets[0].number]
    rest = call_api(department.l1, "GET", "/api/v1/tickets?limit=2&offset=4").json()
    assert [item["number"] for item in rest["items"]] == [tickets[4].number]


def test_unknown_filter_values_are_422(department: Any, call_api: ApiCall) -> None:
    for query, word in (
        ("team=nope", "nope"),
        ("level=L9", "L9"),
        ("assignee=ghost", "ghost"),
        ("status=sleeping", "status"),
        ("channel=pigeon", "channel"),
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("offset=-1", "offset"),
        ("q=" + "x" * 201, "q"),
        ("q=a%00b", "NUL"),
    ):
        response = call_api(department.l1, "GET", f"/api/v1/tickets?{query}")
        assert response.status_code == 422, query
        assert word in response.json()["detail"], (query, response.json())


def test_list_query_count_does_not_grow(
    department: Any, call_api: ApiCall, django_assert_max_num_queries: Any
) -> None:
    for index in range(3):
        factories.ticket(department.customer_a, f"Frage {index}")
    call_api(department.l1, "GET", "/api/v1/tickets")  # token issued, caches warm
    with django_assert_max_num_queries(8) as few:
        call_api(department.l1, "GET", "/api/v1/tickets")
    for index in range(12):
        factories.ticket(department.customer_b, f"Noch eine Frage {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = call_api(department.l1, "GET", "/api/v1/tickets")
    assert response.json()["count"] == 15
