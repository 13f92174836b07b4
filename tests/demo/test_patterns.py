"""Arrivals follow the weekly and daily rhythm; agents answer in business hours."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import numpy as np

from tierdesk.demo.arrivals import black_friday, generate_arrivals
from tierdesk.demo.clock import BERLIN
from tierdesk.demo.loader import DemoSummary
from tierdesk.tickets.models import Ticket, TicketType


def test_mondays_busier_than_sundays_and_days_than_nights(medium_demo: DemoSummary) -> None:
    created = Ticket.objects.exclude(type=TicketType.PROBLEM).values_list("created_at", flat=True)
    local = [moment.astimezone(BERLIN) for moment in created]
    weekdays = Counter(moment.weekday() for moment in local)
    hours = Counter(moment.hour for moment in local)
    assert weekdays[0] > 1.8 * weekdays[6]
    assert sum(hours[h] for h in range(10, 16)) > 5 * sum(hours[h] for h in range(0, 6))


def test_first_responses_mostly_in_business_hours(medium_demo: DemoSummary) -> None:
    responses = Ticket.objects.filter(first_response_at__isnull=False).values_list(
        "first_response_at", "channel"
    )
    local = [(at.astimezone(BERLIN), channel) for at, channel in responses if channel != "chat"]
    in_hours = [at.weekday() < 5 and 8 <= at.hour < 18 for at, _channel in local]
    assert len(local) > 200
    assert sum(in_hours) / len(in_hours) > 0.9


def test_christmas_peak_and_black_friday() -> None:
    end = datetime(2026, 11, 20, tzinfo=UTC)
    arrivals = generate_arrivals(
        start=end - timedelta(days=365),
        end=end,
        expected_total=20_000,
        closed_dates=(),
        rng=np.random.default_rng(1),
    )
    days = [datetime.fromtimestamp(s, UTC).astimezone(BERLIN).date() for s in arrivals.seconds]
    per_month = Counter((d.year, d.month) for d in days)
    assert per_month[(2025, 12)] > 1.15 * per_month[(2026, 3)]
    friday = black_friday(2025)
    assert friday.isoformat() == "2025-11-28"
    per_day = Counter(days)
    week_before = [per_day[friday - timedelta(days=7 * k)] for k in (2, 3, 4)]
    assert per_day[friday] > 1.3 * max(week_before)


def test_same_seed_same_arrivals() -> None:
    end = datetime(2026, 6, 1, tzinfo=UTC)
    draws = [
        generate_arrivals(
            start=end - timedelta(days=30),
            end=end,
            expected_total=500,
            closed_dates=(),
            rng=np.random.default_rng(seed),
        ).seconds
        for seed in (3, 3, 4)
    ]
    assert np.array_equal(draws[0], draws[1])
    assert not np.array_equal(draws[0], draws[2])
