"""Reading a ticket costs a bounded number of queries, however long its history."""

from __future__ import annotations

from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.tickets.services import AttachmentUpload, ticket_add_note, ticket_reply


def _grow(ticket: Any, department: Any, rounds: int) -> None:
    for index in range(rounds):
        upload = AttachmentUpload(filename=f"{index}.txt", content_type="text/plain", data=b"x")
        ticket_reply(ticket, actor=department.l1, body=f"Antwort {index}", attachments=[upload])
        ticket_add_note(ticket, actor=department.l1, body=f"Notiz {index}")


def test_detail_query_count_does_not_grow(
    department: Any, call_api: ApiCall, django_assert_max_num_queries: Any
) -> None:
    ticket = factories.ticket(department.customer_a)
    path = f"/api/v1/tickets/{ticket.number}"
    _grow(ticket, department, 2)
    call_api(department.l1, "GET", path)
    with django_assert_max_num_queries(15) as few:
        call_api(department.l1, "GET", path)
    _grow(ticket, department, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = call_api(department.l1, "GET", path)
    assert len(response.json()["messages"]) == 1 + 2 * 12
    assert response.json()["messages"][1]["attachments"][0]["filename"] == "0.txt"
