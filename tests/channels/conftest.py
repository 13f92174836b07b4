"""Real mail servers for the channel tests: our SMTP listener, an SMTP sink, the task worker.

Everything listens on 127.0.0.1 on a free port chosen by the OS. The tests that
use them run with committed data (transactional tests), because the listener
and the worker read the database from other threads, as in production.
"""

from __future__ import annotations

import signal
import smtplib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from django.core.management import call_command
from pytest_django.fixtures import Settings as SettingsWrapper

from tierdesk.channels.models import Mailbox
from tierdesk.channels.smtp import make_controller
from tierdesk.teams.models import Team

SUPPORT_ADDRESS = "support@tierdesk.localhost"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def run_worker() -> None:
    """The real django-tasks-db worker, once over everything that is due."""
    call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)


@pytest.fixture(autouse=True)
def _keep_signal_handlers() -> Iterator[None]:
    """The worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.fixture
def mailbox(db: None) -> Mailbox:
    mailbox, _created = Mailbox.objects.get_or_create(
        name="Support",
        defaults={"addresses": SUPPORT_ADDRESS, "team": Team.objects.get(slug="support")},
    )
    return mailbox


@dataclass
class Sink:
    """An SMTP server that keeps what it receives: where tierdesk's outbound mail lands."""

    port: int
    received: list[EmailMessage] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.received.append(parsed)  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [mail for mail in self.received if address in str(mail["To"])]


@pytest.fixture
def smtp_sink(settings: SettingsWrapper) -> Iterator[Sink]:
    from aiosmtpd.controller import Controller

    sink = Sink(port=free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    controller.stop()


@dataclass
class Listener:
    port: int

    def send(self, raw: bytes | EmailMessage, *, sender: str, to: str = SUPPORT_ADDRESS) -> None:
        # On the wire, lines end in CRLF (smtplib fixes line ends only for str).
        data = raw.as_bytes(policy=policy.SMTP) if isinstance(raw, EmailMessage) else raw
        with smtplib.SMTP("127.0.0.1", self.port, timeout=30) as client:
            client.sendmail(sender, [to], data)


@pytest.fixture
def listener() -> Iterator[Listener]:
    """tierdesk's own SMTP listener, as ``tierdesk smtpd`` runs it."""
    port = free_port()
    controller = make_controller("127.0.0.1", port, data_size_limit=50 * 2**20)
    controller.start()
    yield Listener(port)
    controller.stop()


def make_mail(
    *,
    sender: str = "Kunde <kunde@example.com>",
    to: str = SUPPORT_ADDRESS,
    subject: str = "Drucker druckt nicht",
    body: str = "Hallo, seit dem Update druckt der Drucker nur leere Seiten. Bitte helfen Sie mir.",
    message_id: str | None = None,
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    from email.utils import make_msgid

    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Message-ID"] = message_id or make_msgid(domain="example.com")
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(body)
    return mail
