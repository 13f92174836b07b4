"""Shift covering on problems small enough to solve by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tierdesk.workforce.schedule import CoverStatus, InfeasibleCoverError, plan_shifts
from tierdesk.workforce.schedule_shifts import Break, ShiftTemplate, clock, every

HALF_HOURS = 48


def week(value: float = 0.0) -> np.ndarray:
    return np.full((7, HALF_HOURS), value)


def slot(text: str) -> int:
    return clock(text) // 30


def test_constant_requirement_with_eight_hour_shifts_needs_three_shifts_per_agent_and_day() -> None:
    # Two agents round the clock: 2 × 24 h / 8 h = 6 shifts a day, 42 in the week.
    eight = ShiftTemplate("eight", starts=every("00:00", "23:30", 30), length_minutes=480)
    plan = plan_shifts(week(2.0), [eight])
    assert plan.status is CoverStatus.OPTIMAL
    assert plan.shift_count == 42
    assert plan.total_cost == pytest.approx(42 * 8.0)
    assert plan.cover.under.sum() == 0
    assert plan.cover.over.sum() == 0
    assert plan.efficiency == pytest.approx(1.0)
    assert plan.paid_hours == pytest.approx(336.0)
    assert plan.on_floor_hours == pytest.approx(336.0)


def test_midday_peak_is_met_with_short_shifts_not_extra_full_ones() -> None:
    required = week()
    required[:, slot("08:00") : slot("16:00")] = 3
    required[:, slot("11:00") : slot("13:00")] = 5
    full = ShiftTemplate("full", starts=every("06:00", "12:00", 30), length_minutes=480, cost=8)
    short = ShiftTemplate("short", starts=every("06:00", "18:00", 30), length_minutes=240, cost=5)
    plan = plan_shifts(required, [full, short])
    assert plan.total_cost == pytest.approx(7 * (3 * 8 + 2 * 5))
    for day in range(7):
        todays = [s for s in plan.shifts if s.day == day]
        assert sum(s.count for s in todays if s.template == "full") == 3
        assert all(s.start_minute == clock("08:00") for s in todays if s.template == "full")
        shorts = [s for s in todays if s.template == "short"]
        assert sum(s.count for s in shorts) == 2
        # A 4-hour shift covers 11:00–13:00 only if it starts between 09:00 and 11:00.
        assert all(clock("09:00") <= s.start_minute <= clock("11:00") for s in shorts)
    assert plan.cover.under.sum() == 0


def test_night_shift_crossing_midnight_and_the_week_end_covers_monday_morning() -> None:
    required = week()
    required[:, slot("22:00") :] = 1
    required[:, : slot("06:00")] = 1
    night = ShiftTemplate("night", starts=(clock("22:00"),), length_minutes=480)
    plan = plan_shifts(required, [night])
    assert plan.shift_count == 7
    assert plan.cover.under.sum() == 0
    assert plan.cover.scheduled[: slot("06:00")].tolist() == [1.0] * 12


def test_without_week_wrap_monday_morning_cannot_be_covered_by_sunday_night() -> None:
    required = week()
    required[:, slot("22:00") :] = 1
    required[:, : slot("06:00")] = 1
    night = ShiftTemplate("night", starts=(clock("22:00"),), length_minutes=480)
    with pytest.raises(InfeasibleCoverError, match="day 0 00:00"):
        plan_shifts(required, [night], wrap_week=False)


def test_unpaid_break_leaves_its_interval_uncovered_and_is_not_paid() -> None:
    required = week()
    required[:, slot("08:00") : slot("12:00")] = 1
    required[:, slot("12:30") : slot("16:30")] = 1
    day = ShiftTemplate(
        "day", starts=(clock("08:00"),), length_minutes=510, breaks=(Break(240, 30),)
    )
    plan = plan_shifts(required, [day])
    assert plan.shift_count == 7
    assert plan.cover.scheduled[slot("12:00")] == 0
    assert plan.paid_hours == pytest.approx(7 * 8.0)
    assert plan.shift_cost == pytest.approx(7 * 8.0)


def test_paid_quarter_hour_break_counts_half_an_agent_off_the_floor() -> None:
    required = week()
    required[0, slot("08:00") : slot("10:00")] = 0.5
    day = ShiftTemplate(
        "day", starts=(clock("08:00"),), length_minutes=120, breaks=(Break(60, 15, paid=True),)
    )
    plan = plan_shifts(required, [day])
    assert plan.cover.scheduled[slot("09:00")] == pytest.approx(0.5)
    assert plan.paid_hours == pytest.approx(2.0)
    assert plan.on_floor_hours == pytest.approx(1.75)


def test_series_on_a_week_starting_wednesday_maps_days_to_weekdays() -> None:
    index = pd.date_range("2024-01-03", periods=7 * HALF_HOURS, freq="30min")
    required = pd.Series(0.0, index=index)
    required[(index.day_of_week < 5) & (index.hour >= 9) & (index.hour < 17)] = 2
    weekdays = ShiftTemplate(
        "office", starts=(clock("09:00"),), length_minutes=480, days=frozenset(range(5))
    )
    plan = plan_shifts(required, [weekdays])
    assert {(s.day, s.weekday) for s in plan.shifts} == {(0, 2), (1, 3), (2, 4), (5, 0), (6, 1)}
    assert all(s.count == 2 for s in plan.shifts)
    frame = plan.to_frame()
    assert frame.index.equals(index)
    assert list(frame.columns) == ["required", "scheduled", "over", "under"]


def test_max_count_pushes_the_plan_onto_a_dearer_template() -> None:
    required = week(1.0)
    cheap = ShiftTemplate(
        "cheap", starts=every("00:00", "23:00", 60), length_minutes=480, cost=1, max_count=10
    )
    dear = ShiftTemplate("dear", starts=every("00:00", "23:00", 60), length_minutes=480, cost=3)
    plan = plan_shifts(required, [cheap, dear])
    counts = {
        name: sum(s.count for s in plan.shifts if s.template == name) for name in ("cheap", "dear")
    }
    assert counts == {"cheap": 10, "dear": 11}
    assert plan.total_cost == pytest.approx(10 * 1 + 11 * 3)


def test_min_count_forces_shifts_even_when_over_cover_results() -> None:
    required = week()
    required[0, slot("08:00") : slot("16:00")] = 1
    day = ShiftTemplate("day", starts=(clock("08:00"),), length_minutes=480, min_count=3)
    plan = plan_shifts(required, [day])
    assert plan.shift_count == 3
    assert plan.cover.over.sum() == pytest.approx(2 * 16)
    assert plan.efficiency == pytest.approx(1 / 3)


def test_bad_requirements_are_rejected() -> None:
    day = ShiftTemplate("day", starts=(0,), length_minutes=480)
    with pytest.raises(ValueError, match="7 × k"):
        plan_shifts(np.ones(50), [day])
    with pytest.raises(ValueError, match="negative"):
        plan_shifts(-week(1.0), [day])
    short_index = pd.date_range("2024-01-01", periods=48, freq="30min")
    with pytest.raises(ValueError, match="one week"):
        plan_shifts(pd.Series(1.0, index=short_index), [day])


def test_module_example_runs() -> None:
    import doctest

    from tierdesk.workforce import schedule

    failures, tried = doctest.testmod(schedule)
    assert tried > 0 and failures == 0
