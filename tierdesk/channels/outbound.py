"""Mail to customers: queued as a record with our own Message-ID, sent by a task.

Each mail is a row before it is a message on the wire, so a failure is visible
on the ticket (``outbound_mail_for``) and is retried with a back-off. Automatic
mails carry ``Auto-Submitted`` (RFC 3834) and are rate-limited per recipient.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from email.utils import make_msgid

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from tierdesk.channels import config
from tierdesk.channels.models import (
    InboundMail,
    Mailbox,
    OutboundKind,
    OutboundMail,
    OutboundState,
)
from tierdesk.channels.signing import backoff_seconds
from tierdesk.core.html import text_to_html
from tierdesk.knowledge.services import ArticleSuggestion, suggest_articles
from tierdesk.tickets.models import Message, Ticket, TimelineEvent

logger = logging.getLogger(__name__)

MAIL_LANGUAGES = ("de", "en")
EVENT_MAIL_FAILED = "mail_failed"
AUTO_SUBMITTED = {
    OutboundKind.ACKNOWLEDGEMENT: "auto-replied",
    OutboundKind.SOLVED: "auto-generated",
}
REFERENCES_KEPT = 20
SUGGESTED_ARTICLES_MAX = 3


def mail_language(ticket: Ticket) -> str:
    language = (ticket.language or ticket.requester.language or "de")[:2].lower()
    return language if language in MAIL_LANGUAGES else "en"


def _sender_address(ticket: Ticket) -> str:
    """The mailbox the customer wrote to, else the ticket team's, else the default."""
    first = (
        InboundMail.objects.filter(ticket=ticket, mailbox__isnull=False)
        .select_related("mailbox")
        .order_by("received_at")
        .first()
    )
    if first is not None and first.mailbox is not None:
        return first.mailbox.primary_address
    mailbox = Mailbox.objects.filter(team_id=ticket.team_id, is_active=True).order_by("pk").first()
    if mailbox is not None:
        return mailbox.primary_address
    return ticket.team.email or _default_from()


def _default_from() -> str:
    from django.conf import settings

    return str(settings.DEFAULT_FROM_EMAIL)


def _thread_ids(ticket: Ticket) -> tuple[str, list[str]]:
    """In-Reply-To (the customer's latest mail, else our latest) and References."""
    received = list(
        InboundMail.objects.filter(ticket=ticket)
        .order_by("received_at")
        .values_list("received_at", "message_id")
    )
    sent = list(
        OutboundMail.objects.filter(ticket=ticket)
        .exclude(state=OutboundState.SUPPRESSED)
        .order_by("created_at")
        .values_list("created_at", "message_id")
    )
    ordered = [message_id for _when, message_id in sorted(received + sent)]
    in_reply_to = received[-1][1] if received else (sent[-1][1] if sent else "")
    return in_reply_to, ordered[-REFERENCES_KEPT:]


def _render(kind: str, language: str, context: Mapping[str, object]) -> tuple[str, str]:
    with translation.override(language):
        subject = render_to_string(f"channels/mail/{language}/{kind}_subject.txt", dict(context))
        body = render_to_string(f"channels/mail/{language}/{kind}_body.txt", dict(context))
    return " ".join(subject.split()), body.strip() + "\n"


# "Name <address>" lines (the contact form's sender line, signatures) and addresses
# say who wrote, not what about; their names and domains only add chance matches.
_SENDER_LINE = re.compile(r"^[^\n@<>]{0,100}<[^\s<>@]+@[^\s<>]+>[ \t]*$", re.MULTILINE)
_ADDRESS = re.compile(r"<?[^\s<>@]+@[^\s<>]+>?")


def _request_text(ticket: Ticket, message: Message | None) -> str:
    body = message.body_text if message is not None else ""
    body = _ADDRESS.sub(" ", _SENDER_LINE.sub("", body))
    return f"{ticket.subject} {body[:1000]}"


def _suggested_articles(
    ticket: Ticket, message: Message | None, language: str
) -> list[ArticleSuggestion]:
    """Public help-center articles that may already answer the request; [] when none match.

    The acknowledgement goes to whatever address wrote to us, so only what an
    anonymous reader may see is offered.
    """
    try:
        # A savepoint: a failed search must not break a surrounding transaction.
        with transaction.atomic():
            return suggest_articles(
                text=_request_text(ticket, message),
                language=language,
                user=None,
                limit=SUGGESTED_ARTICLES_MAX,
            )
    except Exception:
        # The acknowledgement matters more than its suggestions: send it without them.
        logger.exception("No article suggestions for the acknowledgement of #%s", ticket.number)
        return []


def _html_with_links(body_text: str, urls: Sequence[str]) -> str:
    """The HTML part: the text as paragraphs, with our own article addresses as links.

    Only the addresses we put in are linked; whatever the customer wrote stays text.
    """
    markup = text_to_html(body_text)
    escaped = sorted({html.escape(url) for url in urls}, key=len, reverse=True)
    if not escaped:
        return markup
    pattern = re.compile("|".join(re.escape(url) for url in escaped))
    return pattern.sub(lambda found: f'<a href="{found.group(0)}">{found.group(0)}</a>', markup)


def _suppression(ticket: Ticket, kind: str, to_email: str, message: Message | None) -> str:
    """Why an automatic mail must not go out, or ``""``."""
    if kind != OutboundKind.ACKNOWLEDGEMENT:
        return ""
    if (
        message is not None
        and InboundMail.objects.filter(ticket_message=message, auto_generated=True).exists()
    ):
        return "The request came from an automatic sender; it gets no automatic reply."
    since = timezone.now() - timedelta(hours=1)
    recent = (
        OutboundMail.objects.filter(
            to_email__iexact=to_email, is_automatic=True, created_at__gte=since
        )
        .exclude(state=OutboundState.SUPPRESSED)
        .count()
    )
    if recent >= config.autoreply_max_per_hour():
        return (
            f"Rate limit: {recent} automatic replies to {to_email} in the last hour "
            f"(at most {config.autoreply_max_per_hour()})."
        )
    return ""


def outbound_mail_queue(
    ticket: Ticket, *, kind: str, message: Message | None = None, dedup_key: str
) -> OutboundMail | None:
    """Record a mail to the ticket's requester and queue it; once per ``dedup_key``."""
    from tierdesk.channels.tasks import send_outbound_mail

    ticket = Ticket.objects.select_related("requester", "team").get(pk=ticket.pk)
    to_email = ticket.requester.email
    if not to_email:
        return None
    existing = OutboundMail.objects.filter(dedup_key=dedup_key).first()
    if existing is not None:
        return existing
    language = mail_language(ticket)
    suggestions = (
        _suggested_articles(ticket, message, language)
        if kind == OutboundKind.ACKNOWLEDGEMENT
        else []
    )
    context = {
        "ticket": ticket,
        "message": message,
        "requester": ticket.requester,
        "suggested_articles": suggestions,
    }
    subject, body_text = _render(kind, language, context)
    in_reply_to, references = _thread_ids(ticket)
    reason = _suppression(ticket, kind, to_email, message)
    try:
        with transaction.atomic():
            outbound = OutboundMail.objects.create(
                ticket=ticket,
                ticket_message=message,
                kind=kind,
                dedup_key=dedup_key[:120],
                to_email=to_email,
                from_email=_sender_address(ticket),
                subject=subject[:300],
                body_text=body_text,
                body_html=_html_with_links(body_text, [item.url for item in suggestions]),
                message_id=make_msgid(f"tierdesk.{ticket.number}", domain=config.mail_domain()),
                in_reply_to=in_reply_to,
                references=" ".join(references),
                language=language,
                is_automatic=kind in AUTO_SUBMITTED,
                state=OutboundState.SUPPRESSED if reason else OutboundState.QUEUED,
                last_error=reason,
            )
            if not reason:
                send_outbound_mail.enqueue(outbound.pk)
    except IntegrityError:
        return OutboundMail.objects.filter(dedup_key=dedup_key).first()
    return outbound


def _email_of(outbound: OutboundMail) -> EmailMultiAlternatives:
    headers = {"Message-ID": outbound.message_id, "Reply-To": outbound.from_email}
    if outbound.in_reply_to:
        headers["In-Reply-To"] = outbound.in_reply_to
    if outbound.references:
        headers["References"] = outbound.references
    auto = AUTO_SUBMITTED.get(OutboundKind(outbound.kind))
    if auto:
        headers["Auto-Submitted"] = auto
        # Ask Exchange and friends not to answer with out-of-office replies.
        headers["X-Auto-Response-Suppress"] = "All"
        headers["Precedence"] = "auto_reply"
    email = EmailMultiAlternatives(
        subject=outbound.subject,
        body=outbound.body_text,
        from_email=outbound.from_email,
        to=[outbound.to_email],
        headers=headers,
    )
    if outbound.body_html:
        email.attach_alternative(outbound.body_html, "text/html")
    return email


FINAL_STATES = (
    OutboundState.SENT,
    OutboundState.SUPPRESSED,
    OutboundState.BOUNCED,
    OutboundState.FAILED,
)


def outbound_mail_send(outbound_id: int) -> OutboundMail:
    """Send one queued mail; on failure record the error and queue a retry or give up."""
    with transaction.atomic():
        outbound = OutboundMail.objects.select_for_update().get(pk=outbound_id)
        if outbound.state in FINAL_STATES:
            return outbound
        outbound.state = OutboundState.SENDING
        outbound.attempts += 1
        outbound.save(update_fields=["state", "attempts"])
    # Outside the transaction: a slow mail server never holds a database lock.
    try:
        connection = get_connection(fail_silently=False)
        connection.send_messages([_email_of(outbound)])
    except Exception as error:
        return _record_failure(outbound, error)
    outbound.state = OutboundState.SENT
    outbound.sent_at = timezone.now()
    outbound.last_error = ""
    outbound.next_attempt_at = None
    outbound.save(update_fields=["state", "sent_at", "last_error", "next_attempt_at"])
    return outbound


def _record_failure(outbound: OutboundMail, error: Exception) -> OutboundMail:
    from tierdesk.channels.tasks import send_outbound_mail

    logger.warning("Mail %s to %s failed: %s", outbound.pk, outbound.to_email, error)
    outbound.last_error = f"{type(error).__name__}: {error}"[:2000]
    with transaction.atomic():
        if outbound.attempts >= config.mail_max_attempts():
            outbound.state = OutboundState.FAILED
            outbound.next_attempt_at = None
            TimelineEvent.objects.create(
                ticket_id=outbound.ticket_id,
                kind=EVENT_MAIL_FAILED,
                data={
                    "to": outbound.to_email,
                    "kind": outbound.kind,
                    "attempts": outbound.attempts,
                    "error": outbound.last_error[:500],
                },
            )
        else:
            outbound.state = OutboundState.RETRYING
            outbound.next_attempt_at = timezone.now() + timedelta(
                seconds=backoff_seconds(outbound.attempts)
            )
            send_outbound_mail.using(run_after=outbound.next_attempt_at).enqueue(outbound.pk)
        outbound.save(update_fields=["state", "last_error", "next_attempt_at"])
    return outbound
