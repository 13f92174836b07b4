"""Attachments: a file over the limit refuses the whole message, and nothing is half-saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import factories
from tierdesk.tickets.errors import AttachmentRejected
from tierdesk.tickets.models import Attachment, Message, Ticket
from tierdesk.tickets.services import AttachmentUpload, ticket_customer_message, ticket_reply


def _files_under(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_oversize_attachment_refuses_the_reply_and_keeps_nothing(department, settings):
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 1000
    ticket = factories.ticket(department.customer_a)
    messages_before = Message.objects.count()
    version_before = Ticket.objects.get(pk=ticket.pk).version
    uploads = [
        AttachmentUpload("klein.txt", "text/plain", b"x" * 10),
        AttachmentUpload("riesig.pdf", "application/pdf", b"x" * 1001),
    ]

    with pytest.raises(AttachmentRejected) as rejected:
        ticket_reply(ticket, actor=department.l1, body="Anbei", attachments=uploads)

    assert "riesig.pdf" in rejected.value.message
    assert "limit" in rejected.value.message
    assert Message.objects.count() == messages_before
    assert Attachment.objects.count() == 0
    assert Ticket.objects.get(pk=ticket.pk).version == version_before
    assert _files_under(Path(settings.MEDIA_ROOT)) == []


def test_attachments_within_the_limit_are_stored(department, settings):
    ticket = factories.ticket(department.customer_a)
    message = ticket_customer_message(
        ticket,
        author=department.customer_a,
        body="Foto anbei",
        attachments=[AttachmentUpload("foto.jpg", "image/jpeg", b"\xff\xd8\xff" + b"0" * 50)],
    )
    attachment = message.attachments.get()
    assert attachment.size_bytes == 53
    assert attachment.file.read() == b"\xff\xd8\xff" + b"0" * 50


def test_files_written_before_a_failure_are_removed(department, settings, monkeypatch):
    ticket = factories.ticket(department.customer_a)
    original_save = Attachment.save
    calls = {"n": 0}

    def failing_second_save(self: Attachment, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        original_save(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Attachment, "save", failing_second_save)
    with pytest.raises(RuntimeError):
        ticket_reply(
            ticket,
            actor=department.l1,
            body="zwei Dateien",
            attachments=[
                AttachmentUpload("a.txt", "text/plain", b"a"),
                AttachmentUpload("b.txt", "text/plain", b"b"),
            ],
        )
    assert _files_under(Path(settings.MEDIA_ROOT)) == []
    assert not Message.objects.filter(body_text="zwei Dateien").exists()
