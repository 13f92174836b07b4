"""Text that a database cannot store (NUL, lone surrogates) is cleaned, never a server error."""

from __future__ import annotations

from tests import factories
from tierdesk.tickets.services import AttachmentUpload, ticket_escalate, ticket_reply


def test_nul_and_lone_surrogates_are_removed_everywhere(department):
    ticket = factories.ticket(
        department.customer_a, subject="Kaputt\x00 \ud800gerät", body="Text\x00 mit \udfffNUL"
    )
    ticket.refresh_from_db()
    assert "\x00" not in ticket.subject
    assert ticket.subject.startswith("Kaputt")
    message = ticket.messages.get()
    assert "\x00" not in message.body_html and "\x00" not in message.body_text
    message.body_text.encode("utf-8")

    reply = ticket_reply(
        ticket,
        actor=department.l1,
        body="ok",
        attachments=[AttachmentUpload("bild\x00.png", "image/png\x00", b"png")],
    )
    attachment = reply.attachments.get()
    assert "\x00" not in attachment.filename and "\x00" not in attachment.content_type

    escalation = ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="Grund\x00")
    assert escalation.reason == "Grund"
