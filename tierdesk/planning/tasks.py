"""Background tasks of planning (django-tasks; the database backend keeps them)."""

from __future__ import annotations

from django_tasks import task


@task()
def planning_compute_plan(plan_id: int) -> str:
    """Compute one queued plan version; its progress is written to the plan as it runs."""
    from tierdesk.planning.compute import plan_compute

    return plan_compute(plan_id).status
