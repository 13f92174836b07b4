"""``tierdesk sla_recompute``: recompute SLA clocks, e.g. after importing history."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tierdesk.sla.services import sla_recompute_tickets


class Command(BaseCommand):
    help = "Recompute the SLA clocks of open tickets (with --all: of every ticket)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="Include solved and closed tickets.")

    def handle(self, *args: Any, **options: Any) -> None:
        count = sla_recompute_tickets(open_only=not options["all"])
        self.stdout.write(f"Recomputed the SLA clocks of {count} tickets.")
