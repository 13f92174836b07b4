"""Record every agent's open tickets now (and queue the periodic sample)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tierdesk.routing.dispatch import sample_load
from tierdesk.routing.scheduling import routing_schedule_sampling


class Command(BaseCommand):
    help = "Record each agent's open tickets for the team-load view; queue the next sample."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-schedule", action="store_true", help="Do not queue the periodic sample."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = sample_load()
        self.stdout.write(f"{count} agents sampled")
        if not options["no_schedule"] and routing_schedule_sampling():
            self.stdout.write("periodic sample queued")
