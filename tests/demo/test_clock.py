"""Agents act in business hours (Europe/Berlin), across weekends, holidays and DST."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tierdesk.demo.clock import BERLIN, OpeningHours

HOURS = OpeningHours(open_hour=8, close_hour=18, closed_dates=[date(2026, 10, 3)])


def test_open_instant_is_kept() -> None:
    monday_noon = datetime(2026, 3, 16, 12, 0, tzinfo=BERLIN)
    assert HOURS.snap(monday_noon, 600) == monday_noon


def test_friday_evening_moves_to_monday_morning() -> None:
    friday_evening = datetime(2026, 3, 13, 19, 30, tzinfo=BERLIN)
    opening = HOURS.next_opening(friday_evening).astimezone(BERLIN)
    assert (opening.weekday(), opening.hour, opening.minute) == (0, 8, 0)
    assert HOURS.snap(friday_evening, 900).astimezone(BERLIN).minute == 15


def test_early_morning_opens_the_same_day_and_holidays_are_skipped() -> None:
    early = datetime(2026, 3, 17, 5, 0, tzinfo=BERLIN)
    assert HOURS.next_opening(early).astimezone(BERLIN).day == 17
    before_holiday = datetime(2026, 10, 2, 18, 30, tzinfo=BERLIN)  # Friday; Sat 3 Oct holiday
    assert HOURS.next_opening(before_holiday).astimezone(BERLIN).date() == date(2026, 10, 5)


def test_opening_after_daylight_saving_change_is_eight_local() -> None:
    saturday = datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN)  # clocks go forward on the 29th
    opening = HOURS.next_opening(saturday)
    assert opening.tzinfo == UTC
    assert opening == datetime(2026, 3, 30, 6, 0, tzinfo=UTC)  # 08:00 CEST
