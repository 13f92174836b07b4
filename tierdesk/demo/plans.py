"""The demo's plans: a Christmas scenario and the baseline and Christmas plans computed from its history."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from tierdesk.accounts.models import User
from tierdesk.planning.compute import plan_compute
from tierdesk.planning.models import PlanVersion, Scenario
from tierdesk.planning.services import ScenarioInput, plan_request, scenario_save

CHRISTMAS_UPLIFT_PERCENT = 35.0
PLAN_DAYS = 42


def _christmas_period(today: date) -> tuple[date, date]:
    """The coming Christmas rush: 1 to 31 December of this year, or of next year after it."""
    year = today.year if today <= date(today.year, 12, 31) else today.year + 1
    return date(year, 12, 1), date(year, 12, 31)


def load_demo_plans(*, now: datetime | None = None) -> tuple[PlanVersion, PlanVersion]:
    """Save the Christmas scenario and compute the baseline and Christmas plans (synchronously).

    Computed here rather than by the worker, so the manager finds both plans right after
    ``make run``; the computation is the one the background task runs.
    """
    manager = User.objects.get(username="demo-manager")
    today = (now or timezone.now()).date()
    first, last = _christmas_period(today)
    christmas = Scenario.objects.filter(name="Weihnachten").first() or scenario_save(
        actor=manager,
        values=ScenarioInput(
            name="Weihnachten",
            description="Weihnachtsgeschäft: mehr Anfragen im Dezember, 80-%-Quantil der Prognose.",
            volume_change_percent=CHRISTMAS_UPLIFT_PERCENT,
            volume_change_from=first,
            volume_change_until=last,
            forecast_quantile=0.8,
        ),
    )
    plans = []
    for scenario in (None, christmas):
        plan = plan_request(
            actor=manager, scenario=scenario, days=PLAN_DAYS, start=today, enqueue=False
        )
        plans.append(plan_compute(plan.pk, now=now))
    return plans[0], plans[1]
