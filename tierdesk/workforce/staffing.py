"""From forecast volume to agents and people on the payroll, for phone, chat and email.

Channels
--------
phone
    Erlang C (M/M/n), or Erlang A (M/M/n+M) when a mean patience is given.
chat
    An agent handles ``concurrency`` chats at once. Model: each agent is
    ``concurrency`` independent Erlang C servers, and ``aht_seconds`` is the
    handle time of one chat *while handled concurrently* (longer than a chat
    handled alone). Limits: real concurrent chats slow each other down only when
    they overlap, customers of a chat agent are not independent servers, and an
    agent's last free slot is not pooled with another agent's; the model is the
    usual planning approximation (as in commercial tools) and is optimistic at
    low traffic where pooling slots across agents matters.
email
    Deferred work with a deadline: see :mod:`tierdesk.workforce.staffing_deadline`.

Shrinkage turns agents on the phones into paid staff: ``FTE = agents / (1 - s)``
where ``s`` is the sum of the shrinkage fractions of paid time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from tierdesk.workforce import erlang, erlang_a
from tierdesk.workforce.staffing_deadline import DeadlineStaffing, deadline_staffing

__all__ = [
    "DeadlineStaffing",
    "Queue",
    "Shrinkage",
    "StaffingTable",
    "chat_required_agents",
    "deadline_staffing",
    "fte",
    "paid_hours",
    "staffing_table",
]

Channel = Literal["phone", "chat", "email"]


@dataclass(frozen=True)
class Shrinkage:
    """Fractions of paid time in which agents are not available for contacts.

    Attributes
    ----------
    breaks, training, absence, holidays : float
        Fractions of paid time (each >= 0, sum < 1).
    """

    breaks: float = 0.0
    training: float = 0.0
    absence: float = 0.0
    holidays: float = 0.0

    def __post_init__(self) -> None:
        parts = (self.breaks, self.training, self.absence, self.holidays)
        if any(part < 0 for part in parts) or sum(parts) >= 1:
            raise ValueError("shrinkage fractions must be >= 0 and sum to less than 1")

    @property
    def total(self) -> float:
        """Total shrinkage, the sum of the fractions (they share the same paid time)."""
        return self.breaks + self.training + self.absence + self.holidays


def _shrinkage_total(shrinkage: Shrinkage | float) -> float:
    total = shrinkage.total if isinstance(shrinkage, Shrinkage) else float(shrinkage)
    if not 0 <= total < 1:
        raise ValueError("total shrinkage must be in [0, 1)")
    return total


def fte(agents: npt.ArrayLike, shrinkage: Shrinkage | float) -> npt.NDArray[np.float64]:
    """Paid staff needed so that ``agents`` are available: ``agents / (1 - shrinkage)``.

    Parameters
    ----------
    agents : array_like
        Agents needed on contacts (per interval).
    shrinkage : Shrinkage or float
        Shrinkage components, or the total fraction of paid time lost.

    Returns
    -------
    ndarray
        Full-time equivalents scheduled (per interval), not rounded.
    """
    return np.asarray(agents, dtype=np.float64) / (1.0 - _shrinkage_total(shrinkage))


def paid_hours(
    agents: npt.ArrayLike, interval_seconds: float, shrinkage: Shrinkage | float
) -> float:
    """Paid hours needed for the whole period (sum over intervals of FTE times hours).

    Divide by a contract's weekly hours (e.g. 38.5) to get heads per week.
    """
    return float(fte(agents, shrinkage).sum() * interval_seconds / 3600.0)


def chat_required_agents(
    traffic: npt.ArrayLike,
    concurrency: int,
    aht_seconds: float,
    target_level: float,
    target_seconds: float,
    max_occupancy: float | None = None,
) -> npt.NDArray[np.int64]:
    """Agents for chat where each handles ``concurrency`` chats at once.

    Parameters
    ----------
    traffic : array_like
        Chat load in Erlangs, ``chats per interval * aht_seconds / interval_seconds``
        with the concurrent handle time.
    concurrency : int
        Chats one agent handles at once (>= 1).
    aht_seconds : float
        Handle time of one chat while handled concurrently, in seconds.
    target_level, target_seconds, max_occupancy
        As in :func:`tierdesk.workforce.erlang.required_agents`, per chat slot.

    Returns
    -------
    ndarray of int64
        ``ceil(slots / concurrency)`` where ``slots`` are the Erlang C servers needed.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be >= 1")
    slots = erlang.required_agents(
        np.asarray(traffic, dtype=np.float64),
        aht_seconds,
        target_level,
        target_seconds,
        max_occupancy,
    )
    return np.asarray(-(-np.asarray(slots) // concurrency), dtype=np.int64)


@dataclass(frozen=True)
class Queue:
    """How one queue is served and what it must achieve.

    Attributes
    ----------
    aht_seconds : float
        Average handling time per contact, in seconds (for chat: while concurrent).
    target_level : float
        Fraction answered within ``target_seconds`` (phone, chat), e.g. 0.8.
    target_seconds : float
        Answer-time target in seconds, e.g. 20.
    channel : {"phone", "chat", "email"}
    concurrency : int
        Chats per agent (chat only).
    patience_seconds : float or None
        Mean patience; if given, phone uses Erlang A.
    max_occupancy : float or None
        Upper bound on occupancy (phone, chat).
    deadline_hours : float
        Deadline for email items, in hours.
    shrinkage : float
        Total shrinkage fraction for the FTE column.
    """

    aht_seconds: float
    target_level: float = 0.8
    target_seconds: float = 20.0
    channel: Channel = "phone"
    concurrency: int = 1
    patience_seconds: float | None = None
    max_occupancy: float | None = None
    deadline_hours: float = 24.0
    shrinkage: float = 0.0


@dataclass(frozen=True)
class StaffingTable:
    """Per-interval staffing; every array has one entry per interval of ``index``.

    ``service_level`` and ``asa_seconds`` are NaN for email (deadline work) and
    ``backlog`` is NaN for phone and chat.
    """

    index: pd.DatetimeIndex
    contacts: npt.NDArray[np.float64]
    traffic: npt.NDArray[np.float64]
    agents: npt.NDArray[np.int64]
    service_level: npt.NDArray[np.float64]
    asa_seconds: npt.NDArray[np.float64]
    occupancy: npt.NDArray[np.float64]
    fte: npt.NDArray[np.float64]
    backlog: npt.NDArray[np.float64]

    def to_frame(self) -> pd.DataFrame:
        """The table as a DataFrame indexed by interval start."""
        return pd.DataFrame(
            {
                "contacts": self.contacts,
                "traffic_erlangs": self.traffic,
                "agents": self.agents,
                "service_level": self.service_level,
                "asa_seconds": self.asa_seconds,
                "occupancy": self.occupancy,
                "fte": self.fte,
                "backlog": self.backlog,
            },
            index=self.index,
        )


def _regular(
    arrivals: pd.Series, interval: pd.Timedelta
) -> tuple[pd.Series, npt.NDArray[np.bool_]]:
    """Counts on a gap-free grid of ``interval``; missing intervals count as closed."""
    if not isinstance(arrivals.index, pd.DatetimeIndex):
        raise ValueError("arrivals must be indexed by a DatetimeIndex")
    counts = arrivals.astype(float).resample(interval).sum(min_count=1)
    is_open = counts.notna().to_numpy()
    return counts.fillna(0.0), is_open


def staffing_table(
    arrivals: pd.Series | npt.ArrayLike,
    queue: Queue,
    interval: pd.Timedelta | str = "30min",
    start: pd.Timestamp | str = "2000-01-03",
) -> StaffingTable:
    """Agents, service level, speed of answer, occupancy and FTE per interval.

    Parameters
    ----------
    arrivals : pandas.Series or array_like
        Contacts arriving per interval. A Series on a DatetimeIndex is summed
        into ``interval`` bins (intervals absent from the data are closed); an
        array is taken as consecutive intervals starting at ``start``.
    queue : Queue
        Channel, handling time, targets and shrinkage.
    interval : pandas.Timedelta or str
        Interval length, e.g. ``"30min"``.
    start : pandas.Timestamp or str
        First interval for array input.

    Returns
    -------
    StaffingTable
    """
    step = pd.Timedelta(interval)
    if isinstance(arrivals, pd.Series):
        counts, is_open = _regular(arrivals, step)
        index = pd.DatetimeIndex(counts.index)
        contacts = counts.to_numpy(dtype=np.float64)
    else:
        contacts = np.asarray(arrivals, dtype=np.float64)
        index = pd.date_range(pd.Timestamp(start), periods=contacts.size, freq=step)
        is_open = np.ones(contacts.size, dtype=bool)
    if (contacts < 0).any():
        raise ValueError("arrivals must be >= 0")
    seconds = step.total_seconds()
    traffic = contacts * queue.aht_seconds / seconds
    nan = np.full(contacts.size, np.nan)
    if queue.channel == "email":
        plan = deadline_staffing(
            contacts, queue.aht_seconds, seconds, queue.deadline_hours, is_open
        )
        agents = plan.agents
        with np.errstate(divide="ignore", invalid="ignore"):
            busy = np.where(
                agents > 0, plan.handled_items * queue.aht_seconds / (agents * seconds), 0.0
            )
        level, asa, backlog = nan, nan, plan.backlog_items
    else:
        agents, level, asa, busy = _answer_now(traffic, queue)
        backlog = nan
    return StaffingTable(
        index=index,
        contacts=contacts,
        traffic=traffic,
        agents=agents,
        service_level=level,
        asa_seconds=asa,
        occupancy=busy,
        fte=fte(agents, queue.shrinkage),
        backlog=backlog,
    )


def _answer_now(
    traffic: npt.NDArray[np.float64], queue: Queue
) -> tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
]:
    """Agents and expected performance for phone (Erlang C or A) and chat."""
    aht, level_target, target = queue.aht_seconds, queue.target_level, queue.target_seconds
    if queue.channel == "chat":
        agents = chat_required_agents(
            traffic, queue.concurrency, aht, level_target, target, queue.max_occupancy
        )
        slots = agents * queue.concurrency
        return (
            agents,
            np.asarray(erlang.service_level(traffic, slots, aht, target)),
            np.asarray(erlang.average_speed_of_answer(traffic, slots, aht)),
            np.asarray(erlang.occupancy(traffic, slots)),
        )
    if queue.patience_seconds is not None:
        patience = queue.patience_seconds
        agents = np.asarray(erlang_a.required_agents(traffic, aht, patience, level_target, target))
        if queue.max_occupancy is not None:
            floor = np.ceil(traffic / queue.max_occupancy)
            agents = np.maximum(agents, floor).astype(np.int64)
        abandon = np.asarray(erlang_a.abandonment_probability(traffic, agents, aht, patience))
        with np.errstate(divide="ignore", invalid="ignore"):
            busy = np.where(agents > 0, traffic * (1 - abandon) / agents, 0.0)
        return (
            agents,
            np.asarray(erlang_a.service_level(traffic, agents, aht, patience, target)),
            np.asarray(erlang_a.average_speed_of_answer(traffic, agents, aht, patience)),
            busy,
        )
    agents = np.asarray(
        erlang.required_agents(traffic, aht, level_target, target, queue.max_occupancy)
    )
    return (
        agents,
        np.asarray(erlang.service_level(traffic, agents, aht, target)),
        np.asarray(erlang.average_speed_of_answer(traffic, agents, aht)),
        np.asarray(erlang.occupancy(traffic, agents)),
    )
