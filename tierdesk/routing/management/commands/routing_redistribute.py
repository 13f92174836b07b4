"""Hand the open tickets of absent agents to qualified colleagues (or back to the queue)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tierdesk.accounts.models import User
from tierdesk.routing.dispatch import absent_agents_with_tickets, redistribute_tickets_of
from tierdesk.teams.models import AgentProfile, Presence


class Command(BaseCommand):
    help = (
        "Redistribute the open tickets of every absent agent, or of the agents named "
        "(marking them absent first)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("usernames", nargs="*", help="Agents to mark absent and relieve.")
        parser.add_argument(
            "--until", type=date.fromisoformat, help="Last day of absence (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        names: list[str] = options["usernames"]
        agents = list(User.objects.filter(username__in=names)) if names else []
        missing = sorted(set(names) - {agent.username for agent in agents})
        if missing:
            raise CommandError(f"Unknown agents: {', '.join(missing)}. Nothing was changed.")
        for agent in agents:
            updated = AgentProfile.objects.filter(user=agent).update(
                presence=Presence.ABSENT, absent_until=options["until"]
            )
            if not updated:
                raise CommandError(f"{agent.username} has no agent profile.")
        for agent in agents or absent_agents_with_tickets():
            result = redistribute_tickets_of(agent)
            self.stdout.write(
                f"{agent.username}: {len(result.reassigned)} reassigned, "
                f"{len(result.returned_to_queue)} back in the queue"
            )
            for number, username in sorted(result.reassigned.items()):
                self.stdout.write(f"  #{number} → {username}")
