"""``tierdesk imap_poll``: fetch unseen mail from every mailbox with IMAP settings."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tierdesk.channels.imap import imap_poll_all
from tierdesk.channels.inbound import inbound_mail_requeue_stale


class Command(BaseCommand):
    help = "Fetch unseen mail of all IMAP mailboxes once, or every --interval seconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=0, help="Poll again after this many seconds."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        failed = False
        while True:
            inbound_mail_requeue_stale()
            for result in imap_poll_all():
                line = f"{result.mailbox}: {result.fetched} fetched, {result.stored} new"
                if result.error:
                    failed = True
                    self.stderr.write(f"{line}; error: {result.error}")
                else:
                    self.stdout.write(line)
            if options["interval"] <= 0:
                break
            time.sleep(options["interval"])
        if failed:
            raise SystemExit(1)
