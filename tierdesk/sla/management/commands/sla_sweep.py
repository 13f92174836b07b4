"""``tierdesk sla_sweep``: record missed SLA warnings and breaches, queue the periodic sweep."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tierdesk.sla.services import sla_schedule_sweep, sla_sweep


class Command(BaseCommand):
    help = (
        "Record every SLA warning and breach that has fallen due (e.g. while no worker ran), "
        "and make sure the periodic sweep is queued."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Do not queue the periodic sweep task.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = sla_sweep()
        self.stdout.write(
            f"Checked {result.tickets_checked} tickets: "
            f"{result.breaches} breaches and {result.warnings} warnings recorded."
        )
        if not options["no_schedule"] and sla_schedule_sweep():
            self.stdout.write("Periodic sweep queued.")
