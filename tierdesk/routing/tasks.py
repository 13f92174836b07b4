"""Background tasks of routing (django-tasks; the database backend keeps them)."""

from __future__ import annotations

from django_tasks import task


@task()
def routing_sample_loads_periodically() -> int:
    """Record every agent's open tickets, then queue the next sample. Returns agents sampled."""
    from tierdesk.routing.dispatch import sample_load
    from tierdesk.routing.scheduling import routing_schedule_sampling

    count = sample_load()
    routing_schedule_sampling()
    return count
