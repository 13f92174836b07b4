"""The ticket API shows every SLA clock: name, due time, business minutes used, state."""

from __future__ import annotations

from tests import factories


def test_ticket_detail_and_list_show_the_sla_clocks(department, call_api):
    ticket = factories.ticket(department.customer_a, priority=4)

    detail = call_api(department.l1, "get", f"/api/v1/tickets/{ticket.number}")
    listing = call_api(department.l1, "get", "/api/v1/tickets?team=support")

    assert detail.status_code == 200
    clocks = {clock["name"]: clock for clock in detail.json()["sla"]}
    assert {"first_response", "resolution"} <= set(clocks)
    assert clocks["first_response"]["state"] == "running"
    assert clocks["first_response"]["due_at"] is not None
    assert clocks["first_response"]["business_minutes_used"] >= 0
    (item,) = [row for row in listing.json()["items"] if row["number"] == ticket.number]
    assert [clock["name"] for clock in item["sla"]] == [
        clock["name"] for clock in detail.json()["sla"]
    ]
