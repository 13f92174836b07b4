"""Fetching mail from IMAP mailboxes (``imapclient``): store each message, then mark it seen.

A message is flagged ``\\Seen`` only after it is stored; if the poller dies in
between, the next poll fetches it again and the Message-ID keeps it from being
stored twice.
"""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass

from django.utils import timezone
from imapclient import IMAPClient

from tierdesk.channels.inbound import inbound_mail_store
from tierdesk.channels.models import InboundSource, Mailbox

logger = logging.getLogger(__name__)
FETCH_BATCH = 50


@dataclass(frozen=True)
class PollResult:
    mailbox: str
    fetched: int
    stored: int
    error: str = ""


def imap_poll_mailbox(mailbox: Mailbox, *, timeout: float = 30) -> PollResult:
    """Fetch every unseen message of one mailbox. Errors are recorded on the mailbox."""
    fetched = stored = 0
    try:
        context = ssl.create_default_context() if mailbox.imap_use_ssl else None
        with IMAPClient(
            mailbox.imap_host,
            port=mailbox.imap_port,
            ssl=mailbox.imap_use_ssl,
            ssl_context=context,
            timeout=timeout,
        ) as client:
            client.login(mailbox.imap_username, mailbox.imap_password)
            client.select_folder(mailbox.imap_folder)
            uids = client.search(["UNSEEN"])
            for start in range(0, len(uids), FETCH_BATCH):
                batch = uids[start : start + FETCH_BATCH]
                for uid, data in client.fetch(batch, ["BODY.PEEK[]"]).items():
                    raw = data.get(b"BODY[]")
                    if not isinstance(raw, bytes):
                        continue
                    fetched += 1
                    result = inbound_mail_store(
                        raw=raw,
                        source=InboundSource.IMAP,
                        envelope_to=mailbox.address_list()[:1],
                        mailbox=mailbox,
                    )
                    stored += int(result.created)
                    client.add_flags([uid], [b"\\Seen"])
    except Exception as error:
        logger.warning("Polling %s failed: %s", mailbox, error)
        message = f"{type(error).__name__}: {error}"[:2000]
        Mailbox.objects.filter(pk=mailbox.pk).update(
            imap_last_error=message, imap_last_polled_at=timezone.now()
        )
        return PollResult(mailbox.name, fetched, stored, message)
    Mailbox.objects.filter(pk=mailbox.pk).update(
        imap_last_error="", imap_last_polled_at=timezone.now()
    )
    return PollResult(mailbox.name, fetched, stored)


def imap_poll_all() -> list[PollResult]:
    mailboxes = Mailbox.objects.filter(is_active=True).exclude(imap_host="")
    return [imap_poll_mailbox(mailbox) for mailbox in mailboxes]
