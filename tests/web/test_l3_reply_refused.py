"""Third Level sees no reply form and cannot reply through the view either."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import EventKind, Message, Ticket
from tierdesk.tickets.services import ticket_escalate


def test_l3_has_notes_only_and_reply_is_refused(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    ticket_escalate(ticket, actor=department.l1, to_level="L3", reason="Bug", summary="s")
    client = login(department.l3)
    page = client.get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert 'id="reply-form"' not in page
    assert 'id="note-form"' in page
    assert "Second Level relays it" in page

    response = client.post(
        f"/desk/tickets/{ticket.number}/reply/",
        {"version": ticket.version, "body": "Direkt an den Kunden"},
    )
    assert response.status_code == 403
    assert "does not write to customers directly" in response.content.decode()
    assert not Message.objects.filter(body_text__contains="Direkt an den Kunden").exists()
    assert not ticket.events.filter(kind=EventKind.REPLY).exists()
