"""``tierdesk demo``: load the demo department (people and months of history)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tierdesk.demo.loader import DemoError, DemoSummary, load_demo
from tierdesk.demo.plans import load_demo_plans
from tierdesk.sla.report import TargetAttainment, sla_attainment
from tierdesk.tickets.models import Ticket


class Command(BaseCommand):
    help = (
        "Load the demo department: six teams with agents at every level, ~200 customers, "
        "and months of realistic ticket history ending now. All demo logins use the "
        "password 'demo'."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database holds any ticket already (used by 'make run').",
        )
        parser.add_argument("--months", type=int, default=12, help="Months of history (1-36).")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Ticket volume factor (1.0: ~11,000 a year)."
        )
        parser.add_argument("--seed", type=int, default=7, help="Random seed (reproducible).")
        parser.add_argument(
            "--no-plans",
            action="store_true",
            help="Leave out the staffing plans computed from the history (faster).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Ticket.objects.exists():
            self.stdout.write("The database has tickets already; the demo was not loaded.")
            return
        self.stdout.write(
            f"Loading the demo department: {options['months']} months, "
            f"scale {options['scale']}, seed {options['seed']} …"
        )
        try:
            summary = load_demo(
                months=options["months"],
                scale=options["scale"],
                seed=options["seed"],
                stdout=self.stdout,
            )
        except DemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(render_summary(summary, sla=sla_attainment()))
        if not options["no_plans"]:
            baseline, christmas = load_demo_plans()
            self.stdout.write(
                f"Plans: baseline {baseline.summary.get('required_fte')} FTE, "
                f"Christmas {christmas.summary.get('required_fte')} FTE needed "
                f"({baseline.summary.get('current_fte')} FTE in post): /planning/"
            )


def _table(title: str, rows: tuple[tuple[str, int], ...]) -> list[str]:
    return [f"{title}:", *(f"  {key:<22} {count:>7,}" for key, count in rows)]


def render_summary(summary: DemoSummary, *, sla: tuple[TargetAttainment, ...] = ()) -> str:
    since = f"{summary.first_ticket_at:%Y-%m-%d}" if summary.first_ticket_at else "–"
    lines = [
        "",
        f"Loaded in {summary.seconds:.1f} s: {summary.tickets:,} tickets since {since} "
        f"({summary.live_tickets} of the last days through the ticket services), "
        f"{summary.messages:,} messages, {summary.events:,} timeline events.",
        f"People: {summary.agents} agents, {summary.customers} customers in "
        f"{summary.organisations} organisations ({summary.key_accounts} key accounts).",
        f"Open: {summary.open_tickets:,} tickets ({summary.open_assigned:,} assigned). "
        f"Problems: {summary.problems} ({summary.problems_solved} solved). "
        f"Merged duplicates: {summary.merged}.",
        f"Escalation: {summary.share_reached_l2:.1%} of tickets reached Second Level, "
        f"{summary.share_reached_l3:.1%} Third Level.",
    ]
    if summary.mean_csat is not None:
        lines.append(f"Satisfaction: {summary.rated:,} ratings, mean {summary.mean_csat:.2f} of 5.")
    lines += _table("Tickets per team", summary.by_team)
    lines += _table("per level", summary.by_level)
    lines += _table("per status", summary.by_status)
    lines += _table("per channel", summary.by_channel)
    lines += _table("per type", summary.by_type)
    lines.append("Open tickets per queue:")
    lines += [f"  {team:<22} {level:<4} {count:>5}" for team, level, count in summary.open_queues]
    if sla:
        lines.append(render_sla(sla))
    lines += ["", "Demo logins (password for all: demo):"]
    lines.append(f"  {'username':<30} {'name':<20} {'role':<16} {'team':<20} level")
    for login in summary.logins:
        lines.append(
            f"  {login.username:<30} {login.name:<20} {login.role!s:<16} {login.team:<20} "
            f"{login.level}"
        )
    return "\n".join(lines)


def render_sla(attainment: tuple[TargetAttainment, ...]) -> str:
    """One line: the share of each SLA target met, e.g. of first responses."""
    shares = [
        f"{target.name.replace('_', ' ')} met in {target.share_met:.1%} of {target.finished:,}"
        for target in attainment
        if target.share_met is not None
    ]
    if not shares:
        return "SLA: no clocks have finished yet."
    return "SLA: " + ", ".join(shares) + "."
