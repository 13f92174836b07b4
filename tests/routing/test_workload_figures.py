"""Time over cap from load samples, and complaint streaks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tierdesk.routing.workload import Sample, complaint_streaks, seconds_over_cap

T0 = datetime(2026, 3, 2, 8, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_over_cap_time_is_summed_between_samples() -> None:
    samples = [
        Sample(at(0), 5, 10),
        Sample(at(5), 11, 10),
        Sample(at(10), 12, 10),
        Sample(at(15), 9, 10),
    ]
    assert seconds_over_cap(samples, now=at(60), max_gap_seconds=900) == 600


def test_last_sample_holds_until_now_and_gaps_are_capped() -> None:
    samples = [Sample(at(0), 11, 10)]
    assert seconds_over_cap(samples, now=at(5), max_gap_seconds=900) == 300
    assert seconds_over_cap(samples, now=at(120), max_gap_seconds=900) == 900


def test_no_samples_no_time() -> None:
    assert seconds_over_cap([], now=at(5), max_gap_seconds=900) == 0


def test_streaks_of_complaints() -> None:
    streaks = complaint_streaks(
        ["complaint", "complaint", "question", "complaint", "complaint", "complaint"]
    )
    assert (streaks.longest, streaks.current) == (3, 3)
    broken = complaint_streaks(["complaint", "complaint", "incident"])
    assert (broken.longest, broken.current) == (2, 0)
    assert complaint_streaks([]).longest == 0
