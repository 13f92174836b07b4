"""Receiving mail: store the raw bytes first, then turn them into tickets in a task.

The order is what makes mail safe: ``inbound_mail_store`` commits the raw
message (and the task that will process it, in the same transaction) before the
SMTP listener says "250" or the IMAP poller marks the message seen. Processing
is idempotent: a Message-ID is stored once (unique), and a stored message is
processed once, under a row lock.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from tierdesk.channels.mime import envelope_message_id
from tierdesk.channels.models import InboundMail, InboundSource, InboundState, Mailbox

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stored:
    inbound: InboundMail
    created: bool


def mailbox_for_addresses(addresses: list[str]) -> Mailbox | None:
    """The active mailbox one of ``addresses`` belongs to (first match wins)."""
    wanted = [address.strip().lower() for address in addresses if address]
    for mailbox in Mailbox.objects.filter(is_active=True).select_related("team"):
        if any(address in mailbox.address_list() for address in wanted):
            return mailbox
    return None


def inbound_mail_store(
    *,
    raw: bytes,
    source: str = InboundSource.OTHER,
    envelope_from: str = "",
    envelope_to: list[str] | None = None,
    mailbox: Mailbox | None = None,
) -> Stored:
    """Keep the raw message and queue its processing; a known Message-ID is not stored twice.

    Returns once both are committed; only then may the sender be told "stored".
    """
    from tierdesk.channels.tasks import process_inbound_mail

    message_id = envelope_message_id(raw)
    recipients = list(envelope_to or [])
    if mailbox is None and recipients:
        mailbox = mailbox_for_addresses(recipients)
    existing = InboundMail.objects.filter(message_id=message_id).first()
    if existing is not None:
        return Stored(existing, created=False)
    try:
        with transaction.atomic():
            inbound = InboundMail.objects.create(
                message_id=message_id,
                raw=raw,
                size_bytes=len(raw),
                source=source,
                envelope_from=envelope_from[:320],
                envelope_to=recipients,
                mailbox=mailbox,
            )
            # The database task backend writes the task row in this same transaction:
            # stored and queued commit together, or neither does.
            process_inbound_mail.enqueue(inbound.pk)
    except IntegrityError:
        # The same message arrived twice at the same moment (two deliveries racing).
        return Stored(InboundMail.objects.get(message_id=message_id), created=False)
    return Stored(inbound, created=True)


def inbound_mail_process(inbound_id: int) -> InboundMail:
    """Turn one stored message into a ticket or a message on one; at most once.

    A message that cannot be processed is marked failed with its error and
    stays in the failed-mail list; nothing is rolled back but its own effects.
    """
    from tierdesk.channels.ingest import apply_mail

    with transaction.atomic():
        inbound = (
            InboundMail.objects.select_for_update(of=("self",))
            .select_related("mailbox", "mailbox__team")
            .get(pk=inbound_id)
        )
        if inbound.state in (InboundState.PROCESSED, InboundState.IGNORED):
            return inbound
        inbound.attempts += 1
        try:
            with transaction.atomic():
                result = apply_mail(inbound)
        except Exception as error:
            logger.warning("Mail %s could not be processed", inbound.message_id, exc_info=True)
            inbound.state = InboundState.FAILED
            inbound.error = _describe(error)
        else:
            inbound.state = result.state
            inbound.error = ""
            inbound.outcome = result.outcome[:300]
            inbound.ticket = result.ticket
            inbound.ticket_message = result.message
            inbound.from_email = result.from_email[:320]
            inbound.subject = result.subject[:250]
            inbound.auto_generated = result.auto_generated
            inbound.dropped_attachments = result.dropped
        inbound.processed_at = timezone.now()
        inbound.save()
    return inbound


def _describe(error: Exception) -> str:
    summary = f"{type(error).__name__}: {error}"
    trace = "".join(traceback.format_exception(error)[-6:])
    return f"{summary}\n\n{trace}"[:5000]


def inbound_mail_retry(inbound: InboundMail) -> None:
    """Queue a failed (or stuck) message again; processing stays idempotent."""
    from tierdesk.channels.tasks import process_inbound_mail

    with transaction.atomic():
        InboundMail.objects.filter(
            pk=inbound.pk, state__in=[InboundState.FAILED, InboundState.RECEIVED]
        ).update(state=InboundState.RECEIVED)
        process_inbound_mail.enqueue(inbound.pk)


def inbound_mail_requeue_stale(*, older_than: timedelta = timedelta(minutes=10)) -> int:
    """Queue again what was stored but never processed (e.g. the task queue was lost)."""
    stale = InboundMail.objects.filter(
        state=InboundState.RECEIVED, received_at__lt=timezone.now() - older_than
    )
    count = 0
    for inbound in stale.only("pk", "state"):
        inbound_mail_retry(inbound)
        count += 1
    return count
