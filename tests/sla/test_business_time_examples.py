"""Business-time arithmetic against examples checked by hand.

Easter 2025 in Bavaria: Good Friday (18 April) and Easter Monday (21 April) are
public holidays; the desk is open Monday to Friday 8–18 Europe/Berlin (CEST,
UTC+2, since 30 March).
"""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.sla.calendars import NEW_YORK, NIGHTS, OFFICE_BY, SPLIT_DAY, berlin, naive_add, utc
from tierdesk.sla.business_time import (
    BusinessCalendar,
    WeeklyInterval,
    add_business_minutes,
    business_minutes_between,
    is_open,
    next_open,
    weekly,
)

ADDITIONS = [
    # Maundy Thursday 17:55: 5 minutes that day, then closed Fri–Mon; 55 on Tuesday.
    ("thursday before Easter", OFFICE_BY, berlin(2025, 4, 17, 17, 55), 60, utc(2025, 4, 22, 6, 55)),
    # Opened on Good Friday 17:55 (a holiday): the clock starts Tuesday 8:00.
    ("on Good Friday", OFFICE_BY, berlin(2025, 4, 18, 17, 55), 60, utc(2025, 4, 22, 7, 0)),
    # A full business day (600) after Thursday 17:55: 5 + 595 → Tuesday 17:55.
    ("a day over Easter", OFFICE_BY, berlin(2025, 4, 17, 17, 55), 600, utc(2025, 4, 22, 15, 55)),
    # An ordinary Friday 17:55 a week earlier: Monday 8:55.
    ("ordinary weekend", OFFICE_BY, berlin(2025, 4, 11, 17, 55), 60, utc(2025, 4, 14, 6, 55)),
    # Friday 28 March 17:00 CET (UTC+1) + 120: 60 on Friday, DST starts on Sunday,
    # Monday 31 March 9:00 CEST is 7:00 UTC.
    (
        "over the spring DST change",
        OFFICE_BY,
        berlin(2025, 3, 28, 17, 0),
        120,
        utc(2025, 3, 31, 7, 0),
    ),
    # Friday 24 October 17:00 CEST + 120 → Monday 27 October 9:00 CET = 8:00 UTC.
    (
        "over the autumn DST change",
        OFFICE_BY,
        berlin(2025, 10, 24, 17, 0),
        120,
        utc(2025, 10, 27, 8, 0),
    ),
    # Corpus Christi (19 June 2025) is a holiday in Bavaria: Wednesday 17:00 + 120 → Friday 9:00.
    (
        "Corpus Christi in Bavaria",
        OFFICE_BY,
        berlin(2025, 6, 18, 17, 0),
        120,
        utc(2025, 6, 20, 7, 0),
    ),
    # Lunch break: 11:30 + 60 → 30 before lunch, 30 after → 13:30.
    ("over lunch", SPLIT_DAY, berlin(2025, 6, 2, 11, 30), 60, utc(2025, 6, 2, 11, 30)),
    # Saturday 20 December 17:00 (closes 17:30) + 60: 30, then the special Sunday
    # opening 10–14 on 21 December → 10:30 CET = 9:30 UTC.
    (
        "special Sunday opening",
        SPLIT_DAY,
        berlin(2025, 12, 20, 17, 0),
        60,
        utc(2025, 12, 21, 9, 30),
    ),
    # Monday 22 December 17:00 + 60: 30, Tuesday 23 is closed → Wednesday 24 at 8:30.
    ("extra closure", SPLIT_DAY, berlin(2025, 12, 22, 17, 0), 60, utc(2025, 12, 24, 7, 30)),
    # Night shift 22:00–06:00: Saturday 29 March 23:00 CET + 300 → 4:00 CEST (2:00 UTC):
    # the night is an hour shorter, 22:00 UTC… 04:00 UTC is 5 hours of real time.
    (
        "night crossing the DST change",
        NIGHTS,
        berlin(2025, 3, 29, 23, 0),
        300,
        utc(2025, 3, 30, 3, 0),
    ),
    # New York 9–17, US DST starts 9 March 2025: Friday 16:30 EST + 60 → Monday 9:30 EDT.
    ("other time zone", NEW_YORK, utc(2025, 3, 7, 21, 30), 60, utc(2025, 3, 10, 13, 30)),
]


@pytest.mark.parametrize(
    ("calendar", "start", "minutes", "expected"),
    [case[1:] for case in ADDITIONS],
    ids=[case[0] for case in ADDITIONS],
)
def test_add_business_minutes_hand_checked(calendar, start, minutes, expected) -> None:  # type: ignore[no-untyped-def]
    assert add_business_minutes(calendar, start, minutes) == expected
    assert business_minutes_between(calendar, start, expected) == pytest.approx(minutes)


def test_nights_last_seven_hours_in_spring_and_nine_in_autumn() -> None:
    spring = business_minutes_between(NIGHTS, berlin(2025, 3, 29, 22), berlin(2025, 3, 30, 6))
    autumn = business_minutes_between(NIGHTS, berlin(2025, 10, 25, 22), berlin(2025, 10, 26, 6))
    ordinary = business_minutes_between(NIGHTS, berlin(2025, 5, 3, 22), berlin(2025, 5, 4, 6))
    assert (spring, ordinary, autumn) == (420, 480, 540)


def test_a_year_of_business_minutes_counts_weeks_and_holidays() -> None:
    # 2025 has 261 weekdays; every Bavarian holiday on a weekday closes for 600 minutes.
    weekday_holidays = [day for day in OFFICE_BY.holidays if day.year == 2025 and day.weekday() < 5]
    minutes = business_minutes_between(OFFICE_BY, berlin(2025, 1, 1), berlin(2026, 1, 1))
    assert minutes == (261 - len(weekday_holidays)) * 600


def test_measuring_backwards_is_negative() -> None:
    start, end = berlin(2025, 4, 17, 17, 55), utc(2025, 4, 22, 6, 55)
    assert business_minutes_between(OFFICE_BY, end, start) == -60


def test_is_open_and_next_open() -> None:
    assert is_open(OFFICE_BY, berlin(2025, 4, 17, 8, 0))
    assert not is_open(OFFICE_BY, berlin(2025, 4, 17, 18, 0))
    assert not is_open(OFFICE_BY, berlin(2025, 4, 18, 10, 0))  # Good Friday
    assert next_open(OFFICE_BY, berlin(2025, 4, 17, 18, 0)) == utc(2025, 4, 22, 6, 0)
    assert next_open(OFFICE_BY, berlin(2025, 4, 17, 9, 0)) == berlin(2025, 4, 17, 9, 0)
    assert is_open(NIGHTS, berlin(2025, 5, 4, 3, 0))  # in the interval begun on Saturday


def test_adding_zero_returns_the_start_even_when_closed() -> None:
    start = berlin(2025, 4, 19, 12, 0)
    assert add_business_minutes(OFFICE_BY, start, 0) == start


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: add_business_minutes(OFFICE_BY, berlin(2025, 1, 2).replace(tzinfo=None), 5),
            "timezone-aware",
        ),
        (lambda: add_business_minutes(OFFICE_BY, berlin(2025, 1, 2), -1), "negative"),
        (
            lambda: BusinessCalendar(
                intervals=(
                    WeeklyInterval(0, time(8), time(12)),
                    WeeklyInterval(0, time(11), time(13)),
                )
            ),
            "overlap",
        ),
        (
            lambda: BusinessCalendar(
                intervals=weekly([0], (time(22), time(6)), (time(23), time(1)))
            ),
            "overlap",
        ),
        (lambda: WeeklyInterval(7, time(8), time(9)), "weekday"),
        (lambda: BusinessCalendar(time_zone="Mars/Olympus_Mons"), None),
        (lambda: add_business_minutes(BusinessCalendar(), berlin(2025, 1, 2), 1), "does not open"),
        (lambda: next_open(BusinessCalendar(), berlin(2025, 1, 2)), "never opens"),
    ],
)
def test_bad_input_is_refused_clearly(call, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((ValueError, KeyError), match=message):
        call()


def test_holidays_by_subdivision() -> None:
    from tierdesk.sla.calendars import public_holidays

    nationwide = public_holidays("DE", "", range(2025, 2026))
    bavaria = public_holidays("DE", "BY", range(2025, 2026))
    assert {date(2025, 4, 18), date(2025, 4, 21)} <= nationwide
    assert date(2025, 6, 19) in bavaria and date(2025, 6, 19) not in nationwide
    with pytest.raises(ValueError):
        public_holidays("DE", "XX", range(2025, 2026))


def test_long_spans_are_fast() -> None:
    import time as clock

    started = clock.perf_counter()
    end = add_business_minutes(OFFICE_BY, berlin(2025, 1, 2, 9), 600 * 250 * 4)
    assert business_minutes_between(OFFICE_BY, berlin(2025, 1, 2, 9), end) == 600 * 250 * 4
    assert end == naive_add(OFFICE_BY, berlin(2025, 1, 2, 9), 600 * 250 * 4)
    assert clock.perf_counter() - started < 0.5
