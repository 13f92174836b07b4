"""Workload figures for the lead's daily view, as pure functions.

Time over cap comes from load samples (an agent's open tickets at a moment): each
sample holds until the next one, at most ``max_gap_seconds`` (a missing sample
does not count as hours over cap), and the last one until ``now``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

COMPLAINT = "complaint"


@dataclass(frozen=True)
class Sample:
    at: datetime
    open_tickets: int
    cap: int


def seconds_over_cap(samples: Sequence[Sample], *, now: datetime, max_gap_seconds: float) -> float:
    """Seconds during which the agent held more open tickets than their cap."""
    ordered = sorted(samples, key=lambda sample: sample.at)
    total = 0.0
    for index, sample in enumerate(ordered):
        end = ordered[index + 1].at if index + 1 < len(ordered) else now
        held = min(max((end - sample.at).total_seconds(), 0.0), max_gap_seconds)
        if sample.open_tickets > sample.cap:
            total += held
    return total


@dataclass(frozen=True)
class Streaks:
    longest: int
    current: int


def complaint_streaks(types_in_order: Sequence[str]) -> Streaks:
    """Longest and current run of complaints among the tickets handled, in order."""
    longest = current = 0
    for ticket_type in types_in_order:
        current = current + 1 if ticket_type == COMPLAINT else 0
        longest = max(longest, current)
    return Streaks(longest=longest, current=current)
