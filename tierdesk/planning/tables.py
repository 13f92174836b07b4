"""A role's agents per interval as a day × time-of-day table, for the heatmap on the plan page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from tierdesk.planning.models import PlanRole, PlanVersion


@dataclass(frozen=True)
class Heatmap:
    """Rows are days, columns hours of the day; cells hold the peak agents needed in that hour."""

    hours: list[time]
    days: list[date]
    cells: list[list[int]]
    peak: int

    @property
    def rows(self) -> list[tuple[date, list[tuple[int, int]]]]:
        """Each day with its cells as (agents, shade)."""
        return [
            (day, [(value, self.shade(value)) for value in row])
            for day, row in zip(self.days, self.cells, strict=True)
        ]

    def shade(self, value: int) -> int:
        """Cell shade 0–9 relative to the peak (for the CSS class)."""
        return 0 if self.peak == 0 else min(9, round(9 * value / self.peak))


def role_heatmap(plan: PlanVersion, role: PlanRole) -> Heatmap:
    per_day = plan.intervals_per_day
    per_hour = max(1, 60 // plan.interval_minutes)
    agents = [int(value) for value in role.required_agents]
    days, cells = [], []
    for offset in range(plan.days):
        day = agents[offset * per_day : (offset + 1) * per_day]
        if not day:
            break
        days.append(plan.start + timedelta(days=offset))
        cells.append([max(day[h * per_hour : (h + 1) * per_hour] or [0]) for h in range(24)])
    peak = max((max(row) for row in cells), default=0)
    return Heatmap([time(hour) for hour in range(24)], days, cells, peak)
