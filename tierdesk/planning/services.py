"""Writes of planning: scenarios, special days, queue settings and plan requests."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tierdesk.accounts.permissions import can_plan
from tierdesk.planning.models import PlanStatus, PlanVersion, Scenario

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Team


@dataclass(frozen=True)
class ScenarioInput:
    """What a planner sets on a scenario (percentages as entered, e.g. 25 for +25 %)."""

    name: str
    description: str = ""
    team: Team | None = None
    volume_change_percent: float = 0.0
    volume_change_from: date | None = None
    volume_change_until: date | None = None
    aht_change_percent: float = 0.0
    shrinkage_percent: float = 30.0
    forecast_quantile: float = 0.5
    campaign_date: date | None = None
    campaign_change_percent: float = 0.0


def _check_planner(actor: User) -> None:
    if not can_plan(actor):
        raise PermissionDenied(_("Only the service manager plans the department."))


def scenario_save(
    *, actor: User, values: ScenarioInput, scenario: Scenario | None = None
) -> Scenario:
    """Create or change a scenario; invalid values raise ValidationError and change nothing."""
    _check_planner(actor)
    target = scenario or Scenario(created_by=actor)
    for field in fields(ScenarioInput):
        setattr(target, field.name, getattr(values, field.name))
    target.name = target.name.strip()
    if (
        target.volume_change_from
        and target.volume_change_until
        and target.volume_change_until < target.volume_change_from
    ):
        raise ValidationError({"volume_change_until": _("The period ends before it starts.")})
    if target.volume_change_percent and not (
        target.volume_change_from and target.volume_change_until
    ):
        raise ValidationError(
            {"volume_change_from": _("A volume change needs the period it applies to.")}
        )
    if target.campaign_change_percent and not target.campaign_date:
        raise ValidationError({"campaign_date": _("A campaign change needs its day.")})
    target.updated_at = timezone.now()
    target.full_clean()
    target.save()
    return target


def scenario_delete(*, actor: User, scenario: Scenario) -> None:
    _check_planner(actor)
    scenario.delete()


def scenario_settings(scenario: Scenario | None) -> dict[str, Any]:
    """The scenario's values as a plan keeps them (JSON), the baseline's when there is none."""
    source = scenario or Scenario(name="")
    result: dict[str, Any] = {}
    for field in fields(ScenarioInput):
        value = getattr(source, field.name)
        if field.name == "team":
            value = source.team.slug if source.team is not None else None
        elif isinstance(value, date):
            value = value.isoformat()
        result[field.name] = value
    return result


def plan_request(
    *,
    actor: User | None,
    scenario: Scenario | None = None,
    start: date | None = None,
    days: int = 42,
    roster_days: int = 7,
    interval_minutes: int = 30,
    check_permission: bool = True,
    enqueue: bool = True,
) -> PlanVersion:
    """Queue a plan computation in the background and return its (queued) version.

    ``start`` defaults to next Monday, so the rostered week is a whole week. Without
    ``enqueue`` the caller computes the plan itself (the demo does, so its plans are there
    before any worker runs).
    """
    if check_permission:
        if actor is None:
            raise PermissionDenied(_("Only the service manager plans the department."))
        _check_planner(actor)
    if not 1 <= days <= 400:
        raise ValidationError({"days": _("Plan between 1 and 400 days.")})
    if not 0 <= roster_days <= min(days, 28):
        raise ValidationError({"roster_days": _("Roster at most 28 days, within the plan.")})
    if interval_minutes not in (15, 30, 60):
        raise ValidationError({"interval_minutes": _("Intervals are 15, 30 or 60 minutes.")})
    if start is None:
        today = timezone.localdate()
        start = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    plan = PlanVersion.objects.create(
        scenario=scenario,
        scenario_name=scenario.name if scenario else "",
        scenario_settings=scenario_settings(scenario),
        start=start,
        days=days,
        roster_days=roster_days,
        interval_minutes=interval_minutes,
        time_zone=timezone.get_current_timezone_name(),
        created_by=actor,
        status=PlanStatus.QUEUED,
    )

    def queue_computation() -> None:
        from tierdesk.planning.tasks import planning_compute_plan

        planning_compute_plan.enqueue(plan.pk)

    if enqueue:
        transaction.on_commit(queue_computation)
    return plan
