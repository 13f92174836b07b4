"""The SMTP/LMTP listener's handler (aiosmtpd): refuse unknown recipients, store, then say 250.

"250" is sent only after ``inbound_mail_store`` has committed the raw message
and its processing task. If storing fails the sender's server hears a
temporary error (451) and delivers again later: no mail is lost on our side.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.db import close_old_connections, connections

from tierdesk.channels.inbound import inbound_mail_store, mailbox_for_addresses
from tierdesk.channels.models import InboundSource

logger = logging.getLogger(__name__)


def _store(raw: bytes, source: str, envelope_from: str, envelope_to: list[str]) -> bool:
    close_old_connections()
    try:
        return inbound_mail_store(
            raw=raw, source=source, envelope_from=envelope_from, envelope_to=envelope_to
        ).created
    finally:
        close_old_connections()


def _known(address: str) -> bool:
    close_old_connections()
    return mailbox_for_addresses([address]) is not None


class MailHandler:
    """aiosmtpd handler; ``lmtp=True`` answers DATA once per recipient, as LMTP requires."""

    def __init__(self, *, lmtp: bool = False) -> None:
        self.lmtp = lmtp
        # One thread does all database work, so the listener holds one connection.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tierdesk-smtpd-db")

    async def _in_db_thread(self, function: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)

    def close(self) -> None:
        """Close the database connection of the worker thread, then the thread."""
        self.executor.submit(connections.close_all).result()
        self.executor.shutdown(wait=True)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        try:
            known = await self._in_db_thread(_known, address)
        except Exception:
            logger.exception("Mailbox lookup failed for %s", address)
            return "451 4.3.0 Temporary failure, please try again later"
        if not known:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        source = InboundSource.LMTP if self.lmtp else InboundSource.SMTP
        try:
            await self._in_db_thread(
                _store, bytes(raw), source, str(envelope.mail_from or ""), list(envelope.rcpt_tos)
            )
        except Exception:
            logger.exception("Could not store a message from %s", envelope.mail_from)
            reply = "451 4.3.0 Message not stored, please try again later"
        else:
            reply = "250 2.0.0 Message stored"
        if self.lmtp:
            return "\r\n".join(reply for _recipient in envelope.rcpt_tos) or reply
        return reply


def make_controller(host: str, port: int, *, lmtp: bool = False, data_size_limit: int) -> Any:
    """A threaded aiosmtpd controller for the handler (started by the caller)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.lmtp import LMTP
    from aiosmtpd.smtp import SMTP

    handler = MailHandler(lmtp=lmtp)

    class _Controller(Controller):
        def factory(self) -> SMTP:
            server_class = LMTP if lmtp else SMTP
            return server_class(
                handler,
                data_size_limit=data_size_limit,
                decode_data=False,
                hostname=host if host not in ("", "0.0.0.0", "::") else None,
                ident="tierdesk",
            )

        def stop(self, no_assert: bool = False) -> None:
            super().stop(no_assert=no_assert)
            handler.close()

    return _Controller(handler, hostname=host, port=port)
