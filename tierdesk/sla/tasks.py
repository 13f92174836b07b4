"""Background tasks of the SLA clocks (django-tasks; the database backend keeps them).

A check is queued for each ticket's next warning or breach, to run at that time;
the periodic sweep queues itself again after each run, so that whatever was
missed while no worker ran is recorded when one starts again.
"""

from __future__ import annotations

from django_tasks import task


@task()
def sla_check_ticket(ticket_id: int) -> int:
    """Record the warnings and breaches of one ticket that are due. Returns how many."""
    from tierdesk.sla.services import sla_process_due

    return len(sla_process_due(ticket_id))


@task()
def sla_sweep_periodically() -> dict[str, int]:
    """Record everything due, then queue the next sweep."""
    from tierdesk.sla.services import sla_schedule_sweep, sla_sweep

    result = sla_sweep()
    sla_schedule_sweep()
    return {
        "tickets_checked": result.tickets_checked,
        "warnings": result.warnings,
        "breaches": result.breaches,
    }


@task()
def sla_recompute_open_tickets() -> int:
    """Recompute the clocks of all open tickets (after a policy or calendar change)."""
    from tierdesk.sla.services import sla_recompute_tickets

    return sla_recompute_tickets(open_only=True)
