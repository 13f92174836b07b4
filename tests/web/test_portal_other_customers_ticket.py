"""Customer B gets 404 for customer A's request, its answer form and its files."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Attachment, Message
from tierdesk.tickets.services import AttachmentUpload


def test_other_customers_request_and_attachment_are_404(
    department: factories.Department, login: Callable[[User], Client]
) -> None:
    ticket = factories.ticket(
        department.customer_a,
        attachments=[AttachmentUpload("rechnung.pdf", "application/pdf", b"%PDF-1.4 A")],
    )
    attachment = Attachment.objects.get(message__ticket=ticket)
    owner, other = login(department.customer_a), login(department.customer_b)

    assert owner.get(f"/portal/requests/{ticket.number}/").status_code == 200
    assert owner.get(f"/portal/attachments/{attachment.pk}/").status_code == 200

    assert other.get(f"/portal/requests/{ticket.number}/").status_code == 404
    assert other.get(f"/portal/attachments/{attachment.pk}/").status_code == 404
    assert other.get(f"/desk/attachments/{attachment.pk}/").status_code == 404
    response = other.post(f"/portal/requests/{ticket.number}/", {"body": "Ich bin B"})
    assert response.status_code == 404
    assert not Message.objects.filter(body_text__contains="Ich bin B").exists()
    assert f"#{ticket.number}" not in other.get("/portal/").content.decode()
