"""A plan computed from the desk's own history: forecast, agents per interval, FTE, scenario."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from tests import factories
from tierdesk.planning.compute import plan_compute, written_agents
from tierdesk.planning.models import PlanStatus, Scenario
from tierdesk.planning.services import ScenarioInput, plan_request, scenario_save
from tierdesk.teams.models import Level, Team
from tierdesk.tickets.models import EventKind, Ticket, TimelineEvent

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 6, 0, tzinfo=BERLIN)  # a Monday morning


def _history(customer: factories.User, *, weeks: int, per_hour: float, seed: int = 3) -> int:
    """Phone tickets at Support's First Level, weekdays 8–18, Poisson per hour, with events."""
    rng = np.random.default_rng(seed)
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    tickets, moments = [], []
    number = 900000
    day = (NOW - timedelta(weeks=weeks)).date()
    while day < NOW.date():
        if day.weekday() < 5:
            for hour in range(8, 18):
                for _ in range(rng.poisson(per_hour)):
                    number += 1
                    at = datetime(
                        day.year, day.month, day.day, hour, int(rng.integers(60)), tzinfo=BERLIN
                    )
                    tickets.append(
                        Ticket(
                            number=number,
                            subject="Anruf",
                            requester=customer,
                            channel="phone",
                            team=team,
                            level=level,
                            created_at=at,
                            updated_at=at,
                        )
                    )
                    moments.append(at)
        day += timedelta(days=1)
    Ticket.objects.bulk_create(tickets)
    created = Ticket.objects.filter(number__gt=900000).order_by("number")
    TimelineEvent.objects.bulk_create(
        TimelineEvent(ticket=t, kind=EventKind.CREATED, data={"channel": "phone"}, created_at=at)
        for t, at in zip(created, moments, strict=True)
    )
    return len(tickets)


def test_a_plan_forecasts_and_staffs_the_phone_line_from_its_history(
    django_capture_on_commit_callbacks,
) -> None:
    department = factories.Department.build()
    _history(department.customer_a, weeks=10, per_hour=12)
    with django_capture_on_commit_callbacks(execute=False):
        plan = plan_request(actor=department.manager, start=date(2026, 3, 2), days=7)
    done = plan_compute(plan.pk, now=NOW)
    assert done.status == PlanStatus.DONE
    role = done.roles.get(team__slug="support", level__code="L1")
    queue = role.queues.get(kind="phone")
    forecast = np.asarray(queue.forecast)
    per_day = 48
    monday = forecast[:per_day]
    # Open 8–18: about 6 calls per half hour inside, nothing outside.
    assert monday[:16].sum() == 0 and monday[36:].sum() == 0
    assert 4.5 < monday[16:36].mean() < 7.5
    agents = np.asarray(queue.required_agents)
    assert agents[:16].sum() == 0
    assert agents[16:36].min() >= 1
    assert role.required_fte > 0
    # No time accounting in this history: the stated estimate is used and said so.
    assert not queue.aht_measured


def test_a_scenario_with_more_volume_needs_more_agents(django_capture_on_commit_callbacks) -> None:
    department = factories.Department.build()
    _history(department.customer_a, weeks=10, per_hour=12)
    christmas = scenario_save(
        actor=department.manager,
        values=ScenarioInput(
            name="Weihnachten",
            volume_change_percent=40,
            volume_change_from=date(2026, 3, 2),
            volume_change_until=date(2026, 3, 8),
        ),
    )
    with django_capture_on_commit_callbacks(execute=False):
        base = plan_request(actor=department.manager, start=date(2026, 3, 2), days=7)
        peak = plan_request(
            actor=department.manager, scenario=christmas, start=date(2026, 3, 2), days=7
        )
    base_role = plan_compute(base.pk, now=NOW).roles.get(team__slug="support", level__code="L1")
    peak_role = plan_compute(peak.pk, now=NOW).roles.get(team__slug="support", level__code="L1")
    assert sum(peak_role.required_agents) > sum(base_role.required_agents)
    assert np.allclose(
        np.asarray(peak_role.queues.get().forecast),
        np.asarray(base_role.queues.get().forecast) * 1.4,
        atol=0.01,  # forecasts are stored to three decimals
    )


def test_only_the_manager_saves_scenarios() -> None:
    department = factories.Department.build()
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        scenario_save(actor=department.lead, values=ScenarioInput(name="x"))
    assert not Scenario.objects.exists()


def test_written_requests_are_due_within_business_minutes() -> None:
    # Open 4 intervals, closed 4, open 4; 10 items arrive while closed.
    is_open = np.array([True] * 4 + [False] * 4 + [True] * 4)
    arrivals = np.zeros(12)
    arrivals[5] = 10
    agents, backlog = written_agents(arrivals, is_open, 1800.0, 30, 60)
    # They join the first open interval after the closure (8); the deadline model works
    # an interval's arrivals from the next one on, and they are due within 60 open minutes.
    assert agents[:9].sum() == 0
    assert agents[9:11].sum() >= 10
    assert agents[11:].sum() == 0
    assert backlog[-1] == pytest.approx(0.0)


def test_a_sparse_queue_is_planned_on_the_mean_of_its_weekday_and_time() -> None:
    import pandas as pd

    from tierdesk.planning.compute import sparse_forecast

    index = pd.date_range("2026-01-05", periods=8 * 7 * 48, freq="30min")
    history = pd.Series(0.0, index=index)
    # Two calls every Monday 09:00 and one every Tuesday 10:30, for eight weeks.
    history[(index.dayofweek == 0) & (index.hour == 9) & (index.minute == 0)] = 2
    history[(index.dayofweek == 1) & (index.hour == 10) & (index.minute == 30)] = 1
    local = pd.date_range("2026-03-02", periods=7 * 48, freq="30min")
    planned = sparse_forecast(history, local, np.ones(len(local), dtype=bool))
    assert planned[18] == pytest.approx(2.0, rel=0.02)
    assert planned[48 + 21] == pytest.approx(1.0, rel=0.02)
    assert planned.sum() == pytest.approx(3.0, rel=0.02)
