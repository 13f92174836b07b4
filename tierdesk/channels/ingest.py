"""What a parsed mail does: a new ticket, a message on a ticket, a note, or nothing.

Called by ``inbound_mail_process`` inside its transaction; every ticket change
goes through the ticket services.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from tierdesk.accounts.models import User
from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.channels import config
from tierdesk.channels.language import guess_language
from tierdesk.channels.loops import LoopVerdict, classify
from tierdesk.channels.mime import DroppedAttachment, ParsedMail, parse_mail, split_attachments
from tierdesk.channels.models import InboundMail, InboundState, OutboundMail, OutboundState
from tierdesk.channels.replies import split_reply
from tierdesk.channels.robot import mail_robot
from tierdesk.core.html import sanitize_html, text_to_html
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import Channel, Message, Status, Ticket
from tierdesk.tickets.services import (
    AttachmentUpload,
    ticket_add_note,
    ticket_create,
    ticket_customer_message,
)

NO_SUBJECT = "(no subject)"


class UnusableMail(Exception):
    """The mail can be read but not turned into anything (e.g. no sender address)."""


@dataclass
class Applied:
    state: str
    outcome: str
    ticket: Ticket | None = None
    message: Message | None = None
    from_email: str = ""
    subject: str = ""
    auto_generated: bool = False
    dropped: list[dict[str, Any]] = field(default_factory=list)


def apply_mail(inbound: InboundMail) -> Applied:
    mail = parse_mail(bytes(inbound.raw))
    verdict = classify(mail)
    base = _Facts(mail.from_email, mail.subject, verdict.auto_generated)
    if verdict.bounce:
        return _attach_bounce(mail, verdict, base)
    sender = _sender(mail, inbound)
    kept, dropped = split_attachments(
        mail.attachments,
        max_bytes=config.max_attachment_bytes(),
        blocked_extensions=config.blocked_extensions(),
    )
    uploads = [AttachmentUpload(a.filename, a.content_type, a.data) for a in kept]
    dropped_info = [
        {"filename": d.filename, "size_bytes": d.size_bytes, "reason": d.reason} for d in dropped
    ]
    ticket = find_thread(mail)
    if ticket is not None and verdict.auto_generated:
        note = ticket_add_note(
            ticket,
            actor=mail_robot(),
            body=_note_html(f"Automatic reply from {mail.from_email} ({verdict.reason})", mail),
            attachments=uploads,
        )
        return Applied(
            InboundState.PROCESSED,
            f"automatic reply, kept as a note on #{ticket.number}; not answered",
            ticket,
            note,
            dropped=dropped_info,
            **base.as_kwargs(),
        )
    if ticket is not None and _may_write_on(ticket, sender):
        split = split_reply(mail.body_text)
        body = _reply_html(mail, split.new_text, split.quoted, split.signature, dropped)
        try:
            message = ticket_customer_message(
                ticket, author=sender, body=body, attachments=uploads, channel=Channel.EMAIL
            )
        except (InvalidChange, NotAllowed):
            pass  # closed in the meantime: the mail opens a new request below
        else:
            return Applied(
                InboundState.PROCESSED,
                f"message on #{ticket.number}",
                ticket,
                message,
                dropped=dropped_info,
                **base.as_kwargs(),
            )
    created = ticket_create(
        requester=sender,
        subject=mail.subject or NO_SUBJECT,
        body=_full_html(mail, dropped),
        channel=Channel.EMAIL,
        # The mailbox's team is where its mail goes unless a rule or the
        # key-account policy says otherwise (a key account's mail reaches its manager).
        source=mail_source(inbound),
        source_team=inbound.mailbox.team if inbound.mailbox else None,
        attachments=uploads,
        language=guess_language(mail.body_text, default=None),
        actor=sender,
    )
    outcome = f"new ticket #{created.number}"
    if verdict.auto_generated:
        outcome += f"; machine-made ({verdict.reason}), not acknowledged"
    return Applied(
        InboundState.PROCESSED,
        outcome,
        created,
        created.messages.order_by("id").first(),
        dropped=dropped_info,
        **base.as_kwargs(),
    )


def mail_source(inbound: InboundMail) -> str:
    """What the routing rules' "mailbox or form" condition sees for this mail.

    The mailbox's name; mail to an address of no mailbox: the first address it
    was delivered to.
    """
    if inbound.mailbox is not None:
        return inbound.mailbox.name
    recipients = [str(address).strip().lower() for address in inbound.envelope_to or []]
    return next((address for address in recipients if address), "")


def _sender(mail: ParsedMail, inbound: InboundMail) -> User:
    from tierdesk.customers.services import customer_get_or_create_by_email

    for candidate in (mail.from_email, mail.reply_to, inbound.envelope_from):
        # A trailing dot (fully qualified domain) is valid in mail, not in Django's validator.
        candidate = candidate.strip().rstrip(".")
        if candidate and "@" in candidate:
            try:
                return customer_get_or_create_by_email(email=candidate)
            except ValidationError:
                continue
    raise UnusableMail(
        f"No usable sender address (From: “{mail.from_email}”, "
        f"envelope: “{inbound.envelope_from}”)."
    )


def _may_write_on(ticket: Ticket, sender: User) -> bool:
    """The requester (or an agent) continues a ticket; anyone else starts a new one."""
    if ticket.status == Status.CLOSED:
        return False
    return sender.pk == ticket.requester_id or is_desk_staff(sender)


def find_thread(mail: ParsedMail) -> Ticket | None:
    """Our own Message-IDs in In-Reply-To/References first, then ``[#number]`` in the subject."""
    ids = mail.thread_ids
    ticket: Ticket | None = None
    if ids:
        ours = (
            OutboundMail.objects.filter(message_id__in=ids)
            .select_related("ticket")
            .order_by("-created_at")
            .first()
        )
        ticket = ours.ticket if ours else None
        if ticket is None:
            theirs = (
                InboundMail.objects.filter(message_id__in=ids, ticket__isnull=False)
                .select_related("ticket")
                .order_by("-received_at")
                .first()
            )
            ticket = theirs.ticket if theirs else None
    if ticket is None and mail.ticket_number_in_subject is not None:
        ticket = Ticket.objects.filter(number=mail.ticket_number_in_subject).first()
    seen: set[int] = set()
    while ticket is not None and ticket.merged_into_id and ticket.pk not in seen:
        seen.add(ticket.pk)
        ticket = ticket.merged_into
    return ticket


@dataclass(frozen=True)
class _Facts:
    from_email: str
    subject: str
    auto_generated: bool

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "from_email": self.from_email,
            "subject": self.subject,
            "auto_generated": self.auto_generated,
        }


def _attach_bounce(mail: ParsedMail, verdict: LoopVerdict, base: _Facts) -> Applied:
    """A delivery failure lands as a note on the ticket whose mail bounced; never answered."""
    bounced = OutboundMail.objects.filter(
        message_id__in=[*mail.bounced_message_ids, *mail.thread_ids]
    ).select_related("ticket")
    outbound = bounced.order_by("-created_at").first()
    ticket = outbound.ticket if outbound else find_thread(mail)
    if ticket is None:
        return Applied(
            InboundState.IGNORED,
            "bounce for no known ticket; kept, not answered",
            **base.as_kwargs(),
        )
    if outbound is not None:
        OutboundMail.objects.filter(pk=outbound.pk).update(
            state=OutboundState.BOUNCED, last_error=f"Bounced: {mail.subject}"[:2000]
        )
    recipients = ", ".join(mail.bounce_recipients) or (outbound.to_email if outbound else "?")
    note = ticket_add_note(
        ticket,
        actor=mail_robot(),
        body=_note_html(f"Mail to {recipients} could not be delivered", mail),
    )
    return Applied(
        InboundState.PROCESSED,
        f"bounce, kept as a note on #{ticket.number}",
        ticket,
        note,
        **base.as_kwargs(),
    )


def _dropped_html(dropped: tuple[DroppedAttachment, ...]) -> str:
    if not dropped:
        return ""
    items = "".join(
        f"<li>{html.escape(item.filename)}: {html.escape(item.reason)}</li>" for item in dropped
    )
    return f"<p><strong>Attachments not accepted:</strong></p><ul>{items}</ul>"


def _full_html(mail: ParsedMail, dropped: tuple[DroppedAttachment, ...]) -> str:
    body = sanitize_html(mail.body_html) if mail.body_html else text_to_html(mail.body_text)
    if not _has_text(body):
        body = "<p>(empty message)</p>"
    return body + _dropped_html(dropped)


def _reply_html(
    mail: ParsedMail,
    new_text: str,
    quoted: str,
    signature: str,
    dropped: tuple[DroppedAttachment, ...],
) -> str:
    """The new text on top; signature and quoted history kept below, set apart."""
    if not quoted and not signature:
        return _full_html(mail, dropped)
    parts = [text_to_html(new_text) or "<p>(empty message)</p>"]
    rest = "\n\n".join(part for part in (signature, quoted) if part)
    if rest:
        parts.append("<hr><blockquote>" + text_to_html(rest) + "</blockquote>")
    return "".join(parts) + _dropped_html(dropped)


def _note_html(title: str, mail: ParsedMail) -> str:
    text = mail.body_text.strip()[:20000] or "(empty)"
    return (
        f"<p><strong>{html.escape(title)}</strong></p>"
        f"<p>{html.escape(mail.subject)}</p><blockquote>{text_to_html(text)}</blockquote>"
    )


def _has_text(markup: str) -> bool:
    from tierdesk.core.html import html_to_text

    return bool(html_to_text(markup).strip()) or "<img" in markup
