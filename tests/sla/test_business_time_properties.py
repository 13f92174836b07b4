"""Properties of business-time arithmetic, over calendars with holidays, DST and night shifts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sla.calendars import ALL, ALWAYS, OFFICE_BY, naive_add, naive_between
from tierdesk.sla.business_time import (
    add_business_minutes,
    business_minutes_between,
    is_open,
    next_open,
)

calendars = st.sampled_from(ALL)
working_calendars = st.sampled_from([c for c in ALL if not c.always_open])
instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
minutes = st.integers(min_value=0, max_value=60_000)
TOLERANCE = 1e-6


@given(calendars, instants, minutes)
def test_adding_then_measuring_gives_back_the_minutes(calendar, start, amount) -> None:  # type: ignore[no-untyped-def]
    end = add_business_minutes(calendar, start, amount)
    assert business_minutes_between(calendar, start, end) == pytest.approx(amount, abs=TOLERANCE)


@given(calendars, instants, minutes, minutes)
def test_adding_is_monotonic(calendar, start, first, second) -> None:  # type: ignore[no-untyped-def]
    low, high = sorted((first, second))
    assert add_business_minutes(calendar, start, low) <= add_business_minutes(calendar, start, high)


@given(calendars, instants, instants, instants)
def test_measuring_is_monotonic_and_additive(calendar, a, b, c) -> None:  # type: ignore[no-untyped-def]
    start, middle, end = sorted((a, b, c))
    first = business_minutes_between(calendar, start, middle)
    second = business_minutes_between(calendar, middle, end)
    assert first >= 0 and second >= 0
    total = business_minutes_between(calendar, start, end)
    assert total == pytest.approx(first + second, abs=TOLERANCE)
    assert total <= (end - start).total_seconds() / 60 + TOLERANCE


@given(calendars, instants, st.integers(min_value=1, max_value=60_000))
def test_never_lands_outside_business_hours(calendar, start, amount) -> None:  # type: ignore[no-untyped-def]
    end = add_business_minutes(calendar, start, amount)
    # The last business minute before the result was open (the result may be a closing time).
    assert is_open(calendar, end - timedelta(microseconds=1))
    assert end.tzinfo is UTC


@given(working_calendars, instants)
def test_next_open_is_open_and_nothing_open_before_it(calendar, instant) -> None:  # type: ignore[no-untyped-def]
    opening = next_open(calendar, instant)
    assert opening >= instant
    assert is_open(calendar, opening)
    assert business_minutes_between(calendar, instant, opening) == 0


@given(st.sampled_from(sorted(OFFICE_BY.holidays)))
def test_holidays_hold_no_business_minutes(holiday) -> None:  # type: ignore[no-untyped-def]
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(OFFICE_BY.time_zone)
    start = datetime.combine(holiday, datetime.min.time(), tzinfo=zone)
    assert business_minutes_between(OFFICE_BY, start, start + timedelta(days=1)) == 0
    assert not is_open(OFFICE_BY, start + timedelta(hours=10))


@given(instants, minutes)
def test_around_the_clock_counts_real_minutes_across_dst(start, amount) -> None:  # type: ignore[no-untyped-def]
    assert add_business_minutes(ALWAYS, start, amount) == start + timedelta(minutes=amount)


@settings(max_examples=40, deadline=None)
@given(working_calendars, instants, st.integers(min_value=1, max_value=400_000))
def test_week_skipping_agrees_with_walking_day_by_day(calendar, start, amount) -> None:  # type: ignore[no-untyped-def]
    end = add_business_minutes(calendar, start, amount)
    assert end == naive_add(calendar, start, amount)
    assert business_minutes_between(calendar, start, end) == pytest.approx(
        naive_between(calendar, start, end), abs=TOLERANCE
    )
