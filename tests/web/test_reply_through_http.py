"""An agent's public reply through the ticket page: message, file, status, timeline."""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Attachment, EventKind, Message, Status, Ticket


def test_reply_with_attachment_and_status(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    client = login(department.l1)
    response = client.post(
        f"/desk/tickets/{ticket.number}/reply/",
        {
            "version": ticket.version,
            "body": "Bitte installieren Sie den neuen Treiber.",
            "new_status": Status.PENDING_CUSTOMER,
            "attachments": [SimpleUploadedFile("treiber.txt", b"v2.1", "text/plain")],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/desk/tickets/{ticket.number}/"

    ticket.refresh_from_db()
    assert ticket.status == Status.PENDING_CUSTOMER
    assert ticket.first_response_at is not None
    reply = Message.objects.get(ticket=ticket, is_public=True, from_customer=False)
    assert reply.author == department.l1
    attachment = Attachment.objects.get(message=reply)
    kinds = list(ticket.events.values_list("kind", flat=True))
    assert EventKind.REPLY in kinds
    assert ticket.events.get(kind=EventKind.STATUS).data == {
        "old": Status.NEW,
        "new": Status.PENDING_CUSTOMER,
    }

    page = client.get(response["Location"]).content.decode()
    assert "Your reply was sent." in page
    assert "Bitte installieren Sie den neuen Treiber." in page
    assert "replied to the customer" in page
    assert "changed the status from New to Waiting for customer" in page
    download = client.get(f"/desk/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"v2.1"  # type: ignore[attr-defined]
    assert "attachment" in download["Content-Disposition"]

    # The customer sees the reply and can download its file.
    customer = login(department.customer_a)
    assert (
        "Bitte installieren" in customer.get(f"/portal/requests/{ticket.number}/").content.decode()
    )
    assert customer.get(f"/portal/attachments/{attachment.pk}/").status_code == 200


def test_empty_reply_is_a_form_error_and_nothing_is_saved(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    response = login(department.l1).post(
        f"/desk/tickets/{ticket.number}/reply/", {"version": ticket.version, "body": ""}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not ticket.events.filter(kind=EventKind.REPLY).exists()
