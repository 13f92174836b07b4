"""An agent's rosterable windows per weekday, as stored in ``AgentProfile.availability``.

The stored form is JSON: weekday ``"0"`` (Monday) … ``"6"`` (Sunday) → a list of
``["HH:MM", "HH:MM"]`` windows. An empty mapping means "any time within the
team's opening hours". Pure: no Django, so the planning maths can use it too.
"""

from __future__ import annotations

from datetime import time
from itertools import pairwise
from typing import Any

Availability = dict[int, list[tuple[time, time]]]


class AvailabilityError(ValueError):
    """The availability mapping is malformed; the message says where."""


def _parse_clock(text: Any, weekday: int) -> time:
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":":
        raise AvailabilityError(f'Weekday {weekday}: "{text}" is not a time of the form HH:MM.')
    hours, minutes = text[:2], text[3:]
    if not (hours.isdigit() and minutes.isdigit()):
        raise AvailabilityError(f'Weekday {weekday}: "{text}" is not a time of the form HH:MM.')
    if text == "24:00":
        return time.max
    if int(hours) > 23 or int(minutes) > 59:
        raise AvailabilityError(f'Weekday {weekday}: "{text}" is not a time of day.')
    return time(int(hours), int(minutes))


def _parse_weekday(key: Any) -> int:
    if not isinstance(key, str) or key not in {"0", "1", "2", "3", "4", "5", "6"}:
        raise AvailabilityError(f'"{key}" is not a weekday: use "0" (Monday) to "6" (Sunday).')
    return int(key)


def parse_availability(value: Any) -> Availability:
    """Parse and check a stored availability mapping.

    Windows of one weekday must each start before they end and must not overlap;
    ``"24:00"`` closes a window at midnight. Returns weekday (Monday = 0) → windows
    sorted by start. Raises ``AvailabilityError`` (a ``ValueError``) on bad input.
    """
    if not isinstance(value, dict):
        raise AvailabilityError("Availability must be a mapping of weekday to time windows.")
    parsed: Availability = {}
    for key, windows in value.items():
        weekday = _parse_weekday(key)
        if not isinstance(windows, list):
            raise AvailabilityError(f"Weekday {weekday}: the windows must be a list.")
        day: list[tuple[time, time]] = []
        for window in windows:
            if not isinstance(window, list | tuple) or len(window) != 2:
                raise AvailabilityError(
                    f'Weekday {weekday}: each window is a pair ["HH:MM", "HH:MM"].'
                )
            start, end = _parse_clock(window[0], weekday), _parse_clock(window[1], weekday)
            if start >= end:
                raise AvailabilityError(
                    f"Weekday {weekday}: the window {window[0]}–{window[1]} ends before it starts."
                )
            day.append((start, end))
        day.sort()
        for (_, earlier_end), (later_start, _) in pairwise(day):
            if later_start < earlier_end:
                raise AvailabilityError(f"Weekday {weekday}: the windows overlap.")
        parsed[weekday] = day
    return parsed
