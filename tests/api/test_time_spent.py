"""Agents send time_spent_minutes with a reply or note; the ticket reports the total."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.models import Message, TimeEntry


def _write(call_api: ApiCall, user: Any, ticket: Any, **body: Any) -> Any:
    return call_api(user, "POST", f"/api/v1/tickets/{ticket.number}/messages", body)


def test_reply_and_note_record_minutes_and_detail_sums_them(
    department: Any, call_api: ApiCall
) -> None:
    ticket = factories.ticket(department.customer_a)

    reply = _write(call_api, department.l1, ticket, body="Neu", public=True, time_spent_minutes=6)
    note = _write(call_api, department.l1, ticket, body="x", public=False, time_spent_minutes=14)

    assert reply.status_code == 201 and note.status_code == 201
    entries = TimeEntry.objects.filter(ticket=ticket).order_by("pk")
    assert [(e.message_id, e.minutes) for e in entries] == [
        (reply.json()["id"], 6),
        (note.json()["id"], 14),
    ]
    detail = call_api(department.l1, "GET", f"/api/v1/tickets/{ticket.number}")
    assert detail.json()["time_spent_minutes"] == 20
    own = call_api(department.customer_a, "GET", f"/api/v1/tickets/{ticket.number}")
    assert own.status_code == 200 and own.json()["time_spent_minutes"] is None


@pytest.mark.parametrize("minutes", [0, -3, 24 * 60 + 1, "12", 1.5])
def test_invalid_minutes_are_refused_and_nothing_is_saved(
    department: Any, call_api: ApiCall, minutes: Any
) -> None:
    ticket = factories.ticket(department.customer_a)
    before = Message.objects.filter(ticket=ticket).count()

    response = _write(
        call_api, department.l1, ticket, body="x", public=True, time_spent_minutes=minutes
    )

    assert response.status_code in (400, 422), response.json()
    assert "time_spent_minutes" in str(response.json())
    assert Message.objects.filter(ticket=ticket).count() == before
    assert not TimeEntry.objects.exists()


def test_customers_cannot_record_time(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)

    response = _write(
        call_api, department.customer_a, ticket, body="Danke", public=True, time_spent_minutes=5
    )

    assert response.status_code == 422
    assert "time spent" in response.json()["detail"]
    assert not TimeEntry.objects.exists()
