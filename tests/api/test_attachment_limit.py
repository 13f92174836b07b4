"""An attachment over the size limit is refused with 413 and nothing is saved."""

from __future__ import annotations

from base64 import b64encode
from pathlib import Path
from typing import Any

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Attachment, Message, Ticket, TimelineEvent


def _attachment(size: int, name: str = "log.txt") -> dict[str, str]:
    return {
        "filename": name,
        "content_type": "text/plain",
        "data_base64": b64encode(b"x" * size).decode(),
    }


def _files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_oversize_attachment_on_message(department: Any, call_api: ApiCall, settings: Any) -> None:
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 1000
    ticket = factories.ticket(department.customer_a)
    counts = (Message.objects.count(), TimelineEvent.objects.count(), Attachment.objects.count())
    response = call_api(
        department.l1,
        "POST",
        f"/api/v1/tickets/{ticket.number}/messages",
        {
            "body": "Siehe Anhang",
            "public": True,
            "attachments": [_attachment(10), _attachment(1001, "big.bin")],
        },
    )
    assert response.status_code == 413
    assert "big.bin" in response.json()["detail"]
    assert "Nothing was saved" in response.json()["detail"]
    assert (
        Message.objects.count(),
        TimelineEvent.objects.count(),
        Attachment.objects.count(),
    ) == counts
    assert _files(Path(settings.MEDIA_ROOT)) == []
    ticket_version = ticket.version
    ticket.refresh_from_db()
    assert ticket.version == ticket_version


def test_oversize_attachment_on_create(department: Any, call_api: ApiCall, settings: Any) -> None:
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 1000
    response = call_api(
        department.customer_a,
        "POST",
        "/api/v1/tickets",
        {"subject": "Foto", "body": "Anbei", "attachments": [_attachment(5000, "foto.jpg")]},
    )
    assert response.status_code == 413
    assert "foto.jpg" in response.json()["detail"]
    assert not Ticket.objects.exists()
    assert not Message.objects.exists()


def test_oversize_attachment_creates_no_customer(
    department: Any, call_api: ApiCall, settings: Any
) -> None:
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 1000
    response = call_api(
        department.l1,
        "POST",
        "/api/v1/tickets",
        {
            "subject": "Foto",
            "body": "Anbei",
            "customer_email": "neu@example.org",
            "attachments": [_attachment(5000)],
        },
    )
    assert response.status_code == 413
    assert not Ticket.objects.exists()
    assert not User.objects.filter(email="neu@example.org").exists()


def test_attachment_within_limit_is_stored(
    department: Any, call_api: ApiCall, settings: Any
) -> None:
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 1000
    ticket = factories.ticket(department.customer_a)
    response = call_api(
        department.customer_a,
        "POST",
        f"/api/v1/tickets/{ticket.number}/messages",
        {"body": "Anbei das Protokoll", "public": True, "attachments": [_attachment(1000)]},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["attachments"] == [
        {"filename": "log.txt", "content_type": "text/plain", "size_bytes": 1000}
    ]
    stored = Attachment.objects.get()
    assert stored.file.read() == b"x" * 1000


def test_invalid_base64_is_422(department: Any, call_api: ApiCall) -> None:
    ticket = factories.ticket(department.customer_a)
    bad = {"filename": "a.txt", "data_base64": "not base64!!"}
    response = call_api(
        department.l1,
        "POST",
        f"/api/v1/tickets/{ticket.number}/messages",
        {"body": "x", "public": False, "attachments": [bad]},
    )
    assert response.status_code == 422
    assert "attachments.0.data_base64" in response.json()["detail"]
    assert Message.objects.filter(ticket=ticket).count() == 1
