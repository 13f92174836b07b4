"""Queueing the periodic load sample (for the lead's "time over cap")."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

SAMPLE_INTERVAL = timedelta(minutes=5)


def routing_schedule_sampling(*, delay: timedelta = SAMPLE_INTERVAL) -> bool:
    """Queue the periodic sample unless one is already waiting. True if queued now."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    from tierdesk.routing.tasks import routing_sample_loads_periodically

    backend = routing_sample_loads_periodically.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False  # only a persistent queue can hold a task for later
    waiting = DBTaskResult.objects.filter(
        task_path=routing_sample_loads_periodically.module_path, status="READY"
    )
    if waiting.exists():
        return False
    routing_sample_loads_periodically.using(run_after=timezone.now() + delay).enqueue()
    return True
