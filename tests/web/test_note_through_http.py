"""Internal notes: shown to agents, distinct from replies, never shown to the customer."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Attachment, EventKind, Message, Ticket


def test_note_is_internal(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    agent = login(department.l1)
    response = agent.post(
        f"/desk/tickets/{ticket.number}/note/",
        {
            "body": "Kunde hat schon dreimal angerufen.",
            "attachments": [SimpleUploadedFile("intern.txt", b"geheim", "text/plain")],
        },
    )
    assert response.status_code == 302
    note = Message.objects.get(ticket=ticket, is_public=False)
    assert ticket.events.filter(kind=EventKind.NOTE, data__message_id=note.pk).exists()
    attachment = Attachment.objects.get(message=note)

    page = agent.get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert f'class="message note" id="message-{note.pk}"' in page
    assert "added an internal note" in page

    customer = login(department.customer_a)
    portal_page = customer.get(f"/portal/requests/{ticket.number}/").content.decode()
    assert "dreimal angerufen" not in portal_page
    assert "intern.txt" not in portal_page
    assert customer.get(f"/portal/attachments/{attachment.pk}/").status_code == 404
