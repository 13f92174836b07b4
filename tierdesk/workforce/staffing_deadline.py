"""Staffing for deferred work (email, back office) that must be done within a deadline."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["DeadlineStaffing", "deadline_staffing"]


@dataclass(frozen=True)
class DeadlineStaffing:
    """Result of :func:`deadline_staffing`, one entry per interval.

    Attributes
    ----------
    agents : ndarray of int64
        Agents working in each interval (0 while closed).
    backlog_items : ndarray of float
        Items still waiting at the end of each interval (arrived, not handled).
    handled_items : ndarray of float
        Items handled in each interval.
    """

    agents: npt.NDArray[np.int64]
    backlog_items: npt.NDArray[np.float64]
    handled_items: npt.NDArray[np.float64]


def deadline_staffing(
    arrivals: npt.ArrayLike,
    handle_seconds: float,
    interval_seconds: float,
    deadline_hours: float,
    open_intervals: npt.ArrayLike | None = None,
) -> DeadlineStaffing:
    """Staff each interval so that every item is handled within its deadline.

    Model: items arriving during interval ``i`` can be worked from interval
    ``i + 1`` on (they are only known at its end) and are due by the end of
    interval ``i + D``, ``D = deadline / interval``. Work is only done in open
    intervals; backlog carries over nights and weekends. In each open interval
    the staffing is the smallest whole number of agents that keeps the *known*
    backlog on schedule at a steady pace: the maximum over upcoming deadlines of
    the work due by then divided by the open time left until then. Agents work
    earliest-deadline-first at full occupancy, each handling
    ``interval / handle`` items per interval (fractions of items carry over).

    Parameters
    ----------
    arrivals : array_like
        Items arriving per interval (>= 0).
    handle_seconds : float
        Handling time of one item in seconds (> 0).
    interval_seconds : float
        Interval length in seconds (> 0).
    deadline_hours : float
        Deadline in hours from arrival; a whole number of intervals.
    open_intervals : array_like of bool, optional
        Whether agents work in each interval; all open by default.

    Returns
    -------
    DeadlineStaffing

    Raises
    ------
    ValueError
        If an item's window contains no open interval, or inputs are invalid.
    """
    items = np.asarray(arrivals, dtype=np.float64)
    if items.ndim != 1 or (items < 0).any() or not np.isfinite(items).all():
        raise ValueError("arrivals must be a 1-D array of finite counts >= 0")
    if handle_seconds <= 0 or interval_seconds <= 0 or deadline_hours <= 0:
        raise ValueError("handle_seconds, interval_seconds and deadline_hours must be > 0")
    ratio = deadline_hours * 3600.0 / interval_seconds
    window = round(ratio)
    if window < 1 or not math.isclose(ratio, window, rel_tol=1e-9):
        raise ValueError("deadline_hours must be a whole number (>= 1) of intervals")
    is_open = (
        np.ones(items.size, dtype=bool)
        if open_intervals is None
        else np.asarray(open_intervals, dtype=bool)
    )
    if is_open.shape != items.shape:
        raise ValueError("open_intervals must have one entry per interval")
    count = items.size
    horizon = count + window + 1
    open_padded = np.concatenate([is_open, np.zeros(horizon - count, dtype=bool)])
    open_before = np.concatenate([[0], np.cumsum(open_padded)])
    due_work = np.zeros(horizon)  # seconds of work due by the end of each interval
    agents = np.zeros(count, dtype=np.int64)
    handled = np.zeros(count)
    backlog = np.zeros(count)
    for t in range(count):
        if t >= 1 and items[t - 1] > 0:
            due_work[t - 1 + window] += items[t - 1] * handle_seconds
        pending = due_work[t : t + window]
        if not is_open[t]:
            if pending[0] > 1e-6 * handle_seconds:
                raise ValueError(f"interval {t} closes with work due and no open time left")
            backlog[t] = due_work[t:].sum() / handle_seconds + items[t]
            continue
        open_left = open_before[t + 1 : t + window + 1] - open_before[t]
        with np.errstate(divide="ignore", invalid="ignore"):
            pace = np.where(pending.cumsum() > 0, pending.cumsum() / open_left, 0.0)
        needed = float(pace.max()) / interval_seconds
        # A whisker of tolerance so float noise never adds an agent to an exact fit.
        agents[t] = math.ceil(needed - 1e-9) if needed > 0 else 0
        capacity = agents[t] * interval_seconds
        done = 0.0
        for offset in range(pending.size):
            take = min(capacity - done, due_work[t + offset])
            due_work[t + offset] -= take
            done += take
            if capacity - done <= 1e-9:
                break
        # Drop float crumbs (a millionth of an item) so they never demand an agent.
        window_work = due_work[t : t + window]
        window_work[window_work < 1e-6 * handle_seconds] = 0.0
        handled[t] = done / handle_seconds
        backlog[t] = due_work[t:].sum() / handle_seconds + items[t]
    return DeadlineStaffing(agents=agents, backlog_items=backlog, handled_items=handled)
