"""An oversize or forbidden attachment is kept out; the mail still arrives and says so."""

from __future__ import annotations

import pytest

from tests.channels.conftest import Listener, Sink, make_mail, run_worker
from tierdesk.channels.models import InboundMail
from tierdesk.tickets.models import Attachment, Ticket


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_oversize_and_executable_attachments_are_dropped(
    settings, mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    settings.TIERDESK_MAX_ATTACHMENT_BYTES = 100_000
    mail = make_mail(sender="zoe@example.com", subject="Fotos und Programm")
    mail.add_attachment(b"x" * 150_000, maintype="image", subtype="jpeg", filename="riesig.jpg")
    mail.add_attachment(
        b"MZ...", maintype="application", subtype="octet-stream", filename="tool.exe"
    )
    mail.add_attachment(b"ok", maintype="text", subtype="plain", filename="Erkl\u00e4rung.txt")
    listener.send(mail, sender="zoe@example.com")
    run_worker()
    ticket = Ticket.objects.get()
    assert list(Attachment.objects.values_list("filename", flat=True)) == ["Erklärung.txt"]
    body = ticket.messages.get().body_html
    assert "Attachments not accepted" in body
    assert "riesig.jpg" in body and "over the limit" in body
    assert "tool.exe" in body and ".exe are not accepted" in body
    dropped = InboundMail.objects.get().dropped_attachments
    assert [item["filename"] for item in dropped] == ["riesig.jpg", "tool.exe"]
