"""``tierdesk smtpd``: receive mail over SMTP (or LMTP) and turn it into tickets."""

from __future__ import annotations

import os
import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tierdesk.channels import config
from tierdesk.channels.inbound import inbound_mail_requeue_stale
from tierdesk.channels.smtp import make_controller


class Command(BaseCommand):
    help = (
        "Listen for mail (SMTP, or LMTP with --lmtp) and store every accepted message "
        "before acknowledging it. Host and port default to TIERDESK_SMTP_HOST and "
        "TIERDESK_SMTP_PORT (127.0.0.1:2525)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("TIERDESK_SMTP_HOST", "127.0.0.1"))
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("TIERDESK_SMTP_PORT", "2525"))
        )
        parser.add_argument("--lmtp", action="store_true", help="Speak LMTP instead of SMTP.")

    def handle(self, *args: Any, **options: Any) -> None:
        requeued = inbound_mail_requeue_stale()
        if requeued:
            self.stdout.write(f"Queued {requeued} stored but unprocessed message(s) again.")
        controller = make_controller(
            options["host"],
            options["port"],
            lmtp=options["lmtp"],
            data_size_limit=config.max_message_bytes(),
        )
        stop = threading.Event()
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_args: stop.set())
        controller.start()
        protocol = "LMTP" if options["lmtp"] else "SMTP"
        self.stdout.write(f"{protocol} listener on {options['host']}:{options['port']}")
        self.stdout.flush()
        try:
            stop.wait()
        finally:
            controller.stop()
