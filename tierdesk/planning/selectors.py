"""Permission-scoped reads of plans, and the actual arrivals on a plan's interval grid."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pandas as pd
from django.db.models import QuerySet
from django.utils import timezone

from tierdesk.accounts.permissions import planning_team_ids
from tierdesk.planning.models import PlanQueue, PlanRole, PlanStatus, PlanVersion
from tierdesk.planning.series import counts_per_interval, entry_frame, queue_entries

if TYPE_CHECKING:
    from tierdesk.accounts.models import User


def plans_visible_to(user: User) -> QuerySet[PlanVersion]:
    """Plan versions the user may open: all for the manager, any for a lead (roles filtered)."""
    teams = planning_team_ids(user)
    if teams is not None and not teams:
        return PlanVersion.objects.none()
    return PlanVersion.objects.select_related("scenario", "created_by")


def plan_roles_for(plan: PlanVersion, user: User) -> QuerySet[PlanRole]:
    """The roles of a plan the user may read: every role for the manager, led teams for a lead."""
    roles = plan.roles.select_related("team", "level").prefetch_related("queues")
    teams = planning_team_ids(user)
    if teams is None:
        return roles
    return roles.filter(team_id__in=teams)


def latest_plan(*, scenario_id: int | None = None) -> PlanVersion | None:
    """The newest finished plan of a scenario (``None``: of the baseline)."""
    plans = PlanVersion.objects.filter(status=PlanStatus.DONE)
    plans = (
        plans.filter(scenario__isnull=True)
        if scenario_id is None
        else plans.filter(scenario_id=scenario_id)
    )
    return plans.order_by("-finished_at", "-pk").first()


def plan_local_starts(plan: PlanVersion) -> pd.DatetimeIndex:
    """Local wall-clock start of every interval of the plan (naive, in the plan's zone)."""
    first = pd.Timestamp(plan.start)
    return pd.date_range(
        first, periods=plan.days * plan.intervals_per_day, freq=f"{plan.interval_minutes}min"
    )


def plan_interval_starts(plan: PlanVersion) -> list[datetime]:
    """Timezone-aware start of every interval of the plan."""
    zone = ZoneInfo(plan.time_zone)
    return [moment.to_pydatetime().replace(tzinfo=zone) for moment in plan_local_starts(plan)]


def queue_actuals(queue: PlanQueue) -> list[float | None]:
    """Entries that really arrived in each interval of the plan; ``None`` where still ahead."""
    role, plan = queue.role, queue.role.plan
    local = plan_local_starts(plan)
    zone = ZoneInfo(plan.time_zone)
    now_local = pd.Timestamp(timezone.now().astimezone(zone).replace(tzinfo=None))
    first = local[0]
    last = local[-1] + pd.Timedelta(minutes=plan.interval_minutes)
    if now_local <= first:
        return [None] * len(local)
    start = first.to_pydatetime().replace(tzinfo=zone) - timedelta(hours=1)
    end = min(last, now_local).to_pydatetime().replace(tzinfo=zone) + timedelta(hours=1)
    frame = entry_frame(queue_entries(start=start, end=end), plan.time_zone)
    counts = counts_per_interval(
        frame, first=first, last=last, interval_minutes=plan.interval_minutes
    ).get((role.team.slug, role.level.code, queue.kind))
    values: list[float | None] = []
    for position, moment in enumerate(local):
        if moment + pd.Timedelta(minutes=plan.interval_minutes) > now_local:
            values.append(None)
        else:
            values.append(float(counts.iloc[position]) if counts is not None else 0.0)
    return values
