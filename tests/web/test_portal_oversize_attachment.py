"""Too large a file on the portal: a clear error, the text kept, nothing half-saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Attachment, Message, Ticket


def _files_under(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_oversize_attachment_on_new_request(
    department: factories.Department, settings: SettingsWrapper, login: Callable[[User], Client]
) -> None:
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 1024
    response = login(department.customer_a).post(
        "/portal/new/",
        {
            "subject": "Rücksendung Größe 42",
            "body": "Die Schuhe sind zu groß.",
            "attachments": [
                SimpleUploadedFile("foto-klein.jpg", b"x" * 100, "image/jpeg"),
                SimpleUploadedFile("foto-gross.jpg", b"x" * 2048, "image/jpeg"),
            ],
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "foto-gross.jpg" in page
    assert "the limit is" in page
    assert "Nothing was saved." in page
    assert 'value="Rücksendung Größe 42"' in page
    assert "Die Schuhe sind zu groß." in page
    assert not Ticket.objects.exists()
    assert not Message.objects.exists()
    assert not Attachment.objects.exists()
    assert _files_under(Path(settings.MEDIA_ROOT)) == []


def test_oversize_attachment_on_answer(
    department: factories.Department, settings: SettingsWrapper, login: Callable[[User], Client]
) -> None:
    ticket = factories.ticket(department.customer_a)
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 1024
    response = login(department.customer_a).post(
        f"/portal/requests/{ticket.number}/",
        {
            "body": "Hier das Foto",
            "attachments": [SimpleUploadedFile("gross.png", b"x" * 4096, "image/png")],
        },
    )
    assert response.status_code == 400
    assert "gross.png" in response.content.decode()
    assert ticket.messages.count() == 1
    assert _files_under(Path(settings.MEDIA_ROOT)) == []
