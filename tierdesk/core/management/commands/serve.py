"""Serve the desk and run the background task worker beside it, in one command."""

from __future__ import annotations

import signal
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Run the web server on 127.0.0.1, with a task worker as a child process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        # Record what was missed while nothing ran, and queue the periodic sweep.
        call_command("sla_sweep")
        call_command("routing_sample_load")
        children = [
            subprocess.Popen([sys.executable, "-m", "tierdesk", "db_worker", "--queue-name", "*"]),
            # Mail to the configured mailboxes (TIERDESK_SMTP_HOST/PORT, 127.0.0.1:2525).
            subprocess.Popen([sys.executable, "-m", "tierdesk", "smtpd"]),
        ]

        def stop_children(*_: object) -> None:
            for child in children:
                if child.poll() is None:
                    child.terminate()

        def stop(*_: object) -> None:
            stop_children()
            sys.exit(0)

        signal.signal(signal.SIGTERM, stop)
        try:
            self.stdout.write(f"tierdesk at http://{options['host']}:{options['port']}/")
            call_command(
                "runserver",
                f"{options['host']}:{options['port']}",
                use_reloader=False,
                use_threading=True,
            )
        finally:
            stop_children()
