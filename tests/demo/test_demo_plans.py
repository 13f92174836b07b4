"""The demo computes a baseline and a Christmas plan from its own history."""

from __future__ import annotations

import numpy as np
import pytest

from tests.demo.conftest import NOW
from tierdesk.demo.loader import DemoSummary
from tierdesk.demo.plans import CHRISTMAS_UPLIFT_PERCENT, load_demo_plans
from tierdesk.planning.models import PlanStatus, Scenario
from tierdesk.planning.selectors import plan_local_starts

pytestmark = pytest.mark.django_db


def test_the_christmas_plan_plans_more_volume_in_december(medium_demo: DemoSummary) -> None:
    baseline, christmas = load_demo_plans(now=NOW)
    assert baseline.status == christmas.status == PlanStatus.DONE
    assert (
        Scenario.objects.get(name="Weihnachten").volume_change_percent == CHRISTMAS_UPLIFT_PERCENT
    )
    assert baseline.roles.exists()
    december = np.asarray(plan_local_starts(christmas).month == 12)
    for role in baseline.roles.all():
        other = christmas.roles.get(team=role.team, level=role.level)
        for queue in role.queues.all():
            peak = np.asarray(other.queues.get(kind=queue.kind).forecast)
            base = np.asarray(queue.forecast)
            # At least the uplift in December (the 80 % quantile adds more), equal after it.
            assert peak[december].sum() >= base[december].sum() * 1.35 - 1e-6
        assert sum(other.required_agents) >= sum(role.required_agents)
