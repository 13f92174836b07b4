"""Calibrate the department simulator from a real tiered service log.

The log has one row per status change of a service request (columns ``SR Number``,
``Change Date+Time``, ``ST Level`` …), as in the Volvo IT incident log of the BPI
Challenge 2013. Definitions used here:

* a request's *path* is the sequence of levels of its rows in time order, with consecutive
  rows at the same level merged into one *stay*; ``L2/L3`` (a joint second/third-line team,
  39 rows) counts as L2 on the path and as reaching both L2 and L3 in the shares;
* *time at a level* of a stay is the time from its first row to the first row of the next
  stay (to the request's last row for its final stay): waiting, work and waiting for the
  user together, as the log does not tell them apart;
* *lifetime* of a request is the time from its first to its last row;
* routing probabilities are per visit, counted over the stays' successors (the routing
  chain of :class:`~tierdesk.workforce.simulate_model.Routing`): ``escalate_l1`` is the
  share of first L1 stays followed by a higher level, ``re_escalate_l1`` the same share for
  L1 stays after a return; ``escalate_l2`` the share of L2 stays followed by L3 and
  ``hand_back_l3`` the share of L3 stays followed by L2; ``return_from_l2`` and
  ``return_from_l3`` the shares of the L2 and L3 stays *of requests that have been at L1*
  followed by L1 (the simulator sends back to L1 only those, the few requests entering
  at L2 that go to L1 later are not modelled). A direct L1 → L3 jump is read as L1 → L2 → L3 (an L2 stay
  that escalates), since the simulator escalates one level at a time;
* times at a level are kept apart for the stays that end the request (*resolving*) and
  those after which it moves on: in the log a stay passed on lasts hours (median 0.02 days
  at L1) and a resolving one days (median 4.3 days at L1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from tierdesk.workforce.simulate_model import (
    CHANNELS,
    AgentGroup,
    ArrivalStream,
    Channel,
    DepartmentModel,
    Distribution,
    FloatArray,
    Routing,
    constant_staffing,
)

REQUIRED_COLUMNS = ("SR Number", "Change Date+Time", "ST Level")
_LEVEL_ON_PATH = {"L1": 1, "L2": 2, "L3": 3, "L2/L3": 2}
_DAY = 86_400.0


TimeFit = Literal["empirical", "lognormal"]


@dataclass(frozen=True)
class LevelTime:
    """Stays at one level (seconds) and the distributions fitted to them.

    ``samples`` holds the observed durations, which the ``"empirical"`` fit resamples. The
    ``"lognormal"`` fit has the sample's mean and coefficient of variation (by moments, not
    by maximum likelihood on the logarithms: the times are bimodal, seconds for a request
    passed straight on, days for one worked, and a fit on the logarithms lets a few
    near-zero stays blow the CV up to hundreds); it keeps the mean but not the median.
    """

    level: int
    stays: int
    mean_seconds: float
    cv: float
    median_seconds: float
    samples: FloatArray = field(compare=False, repr=False)

    def distribution(self, fit: TimeFit = "lognormal") -> Distribution:
        """The fitted distribution: ``"lognormal"`` by moments or ``"empirical"``."""
        if fit == "empirical":
            return Distribution.empirical(self.samples)
        return Distribution.lognormal(self.mean_seconds, self.cv)


@dataclass(frozen=True)
class Calibration:
    """Parameters of a tiered department estimated from a status-change log.

    ``time_at_level`` pools all stays of a level; ``time_resolving`` holds the stays that
    end the request and ``time_moving_on`` those after which it goes to another level.
    """

    requests: int
    entry_shares: tuple[float, float, float]
    escalate_l1: float
    escalate_l2: float
    hand_back_l3: float
    return_from_l2: float
    return_from_l3: float
    re_escalate_l1: float
    time_at_level: tuple[LevelTime, LevelTime, LevelTime]
    time_resolving: tuple[LevelTime, LevelTime, LevelTime]
    time_moving_on: tuple[LevelTime, LevelTime, LevelTime]
    arrivals_per_day: float
    window_days: float
    share_reaching_l1: float
    share_reaching_l2: float
    share_reaching_l3: float
    median_lifetime_days: float

    def routing(self, *, returns: bool = True) -> Routing:
        """Entry shares and per-visit routing probabilities for the simulator.

        With ``returns=False`` the contacts never come back to L1 (the routing before
        returns were modelled, kept for comparison).
        """
        return Routing(
            self.escalate_l1,
            self.escalate_l2,
            self.hand_back_l3,
            self.entry_shares,
            return_from_l2=self.return_from_l2 if returns else 0.0,
            return_from_l3=self.return_from_l3 if returns else 0.0,
            re_escalate_l1=self.re_escalate_l1,
        )

    def model(
        self,
        days: int,
        *,
        interval_seconds: float = 3600.0,
        channel: Channel = "email",
        agents: tuple[int, int, int] | None = None,
        arrivals_per_day: float | None = None,
        fit: TimeFit = "empirical",
        by_outcome: bool = True,
        returns: bool = True,
    ) -> DepartmentModel:
        """A department replaying the log's routing and times at each level.

        Parameters
        ----------
        days : int
            Simulated days.
        interval_seconds : float
            Interval length (seconds).
        channel : {"phone", "chat", "email"}
            Channel of the requests (tickets are email-like: no abandonment).
        agents : (int, int, int), optional
            Agents per level, constant. By default enough for nothing to queue: the log's
            time at a level already contains the waiting, so it is replayed as handling
            time with ample parallel capacity (load + 6 √load + 10 per level).
        arrivals_per_day : float, optional
            Arrival rate (requests per day); the log's rate by default.
        fit : {"empirical", "lognormal"}
            Resample the observed times, or use log-normals with their mean and CV.
        by_outcome : bool
            Separate times for stays that resolve and stays that move on (default), or one
            pooled time per level.
        returns : bool
            Let L2 and L3 send requests back to L1 as in the log (default).
        """
        n = math.ceil(days * _DAY / interval_seconds)
        rate = self.arrivals_per_day if arrivals_per_day is None else arrivals_per_day
        routing = self.routing(returns=returns)
        staff = agents if agents is not None else self._ample_agents(rate, routing)
        resolving = self.time_resolving if by_outcome else self.time_at_level
        handling: dict[tuple[int, str], Distribution] = {
            (lv.level, c): lv.distribution(fit) for lv in resolving for c in CHANNELS
        }
        onward: dict[tuple[int, str], Distribution] = (
            {(lv.level, c): lv.distribution(fit) for lv in self.time_moving_on for c in CHANNELS}
            if by_outcome
            else {}
        )
        return DepartmentModel(
            interval_seconds=interval_seconds,
            streams=(ArrivalStream(channel, "all", np.full(n, rate * interval_seconds / _DAY)),),
            groups=tuple(
                AgentGroup(f"L{lv}", lv, ("all",), constant_staffing(count, n), (channel,))
                for lv, count in zip((1, 2, 3), staff, strict=True)
            ),
            handling=handling,
            handling_onward=onward,
            routing=routing,
        )

    def visits_per_request(self) -> FloatArray:
        """Expected visits to levels 1, 2, 3 per request under the routing (visits)."""
        return self.routing().expected_visits()

    def _ample_agents(self, rate: float, routing: Routing) -> tuple[int, int, int]:
        means = np.array([lv.mean_seconds for lv in self.time_at_level]) / _DAY
        load = rate * routing.expected_visits() * means
        counts = np.ceil(load + 6.0 * np.sqrt(load) + 10.0).astype(int)
        return int(counts[0]), int(counts[1]), int(counts[2])


def _read(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise FileNotFoundError(f"log not found: {path}")
    frame = pd.read_csv(path, usecols=lambda c: c in REQUIRED_COLUMNS)
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name} lacks columns {missing}")
    unknown = set(frame["ST Level"].dropna().unique()) - set(_LEVEL_ON_PATH)
    if unknown:
        raise ValueError(f"{path.name}: unknown levels {sorted(unknown)}")
    frame = frame.dropna(subset=list(REQUIRED_COLUMNS))
    if frame.empty:
        raise ValueError(f"{path.name} has no rows")
    frame["time"] = pd.to_datetime(frame["Change Date+Time"], utc=True)
    frame["level"] = frame["ST Level"].map(_LEVEL_ON_PATH)
    return frame.sort_values(["SR Number", "time"], kind="stable").reset_index(drop=True)


def _seconds(times: pd.Series) -> FloatArray:
    """Seconds since the epoch, whatever the resolution pandas chose for the datetimes."""
    epoch = pd.Timestamp(0, tz="UTC")
    return np.asarray((times - epoch).dt.total_seconds().to_numpy(), dtype=np.float64)


def _stays(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per stay: request, level, start and end (seconds since the epoch), final."""
    seconds = _seconds(frame["time"])
    request = frame["SR Number"].to_numpy()
    level = frame["level"].to_numpy()
    new_request = np.r_[True, request[1:] != request[:-1]]
    new_stay = new_request | np.r_[True, level[1:] != level[:-1]]
    starts = np.flatnonzero(new_stay)
    request_end = pd.Series(seconds).groupby(request).transform("max").to_numpy()
    stay_start = seconds[starts]
    last_of_request = np.r_[new_request[starts][1:], True]
    next_start = np.r_[stay_start[1:], np.nan]
    stay_end = np.where(last_of_request, request_end[starts], next_start)
    return pd.DataFrame(
        {
            "request": request[starts],
            "level": level[starts],
            "start": stay_start,
            "end": stay_end,
            "final": last_of_request,
        }
    )


def _fit(level: int, durations: FloatArray) -> LevelTime:
    if durations.size < 2 or not np.any(durations > 0):
        raise ValueError(f"too few stays at level {level} to fit a distribution")
    mean = float(durations.mean())
    return LevelTime(
        level=level,
        stays=int(durations.size),
        mean_seconds=mean,
        cv=float(durations.std(ddof=1)) / mean,
        median_seconds=float(np.median(durations)),
        samples=durations,
    )


@dataclass(frozen=True)
class _Moves:
    entry_shares: tuple[float, float, float]
    escalate_l1: float
    re_escalate_l1: float
    escalate_l2: float
    return_from_l2: float
    hand_back_l3: float
    return_from_l3: float


def _share(hits: np.ndarray, among: np.ndarray) -> float:
    return float(np.count_nonzero(hits & among)) / max(int(np.count_nonzero(among)), 1)


def _moves(stays: pd.DataFrame) -> _Moves:
    """Entry shares and per-visit routing probabilities (see the module docstring)."""
    level = stays["level"].to_numpy()
    final = stays["final"].to_numpy(dtype=bool)
    request = stays["request"].to_numpy()
    first = np.r_[True, request[1:] != request[:-1]]
    following = np.where(final, 0, np.r_[level[1:], 0])
    entry = level[first]
    shares = tuple(float(np.mean(entry == lv)) for lv in (1, 2, 3))
    at1, at2, at3 = level == 1, level == 2, level == 3
    # Whether the request has been at L1 before or during this stay.
    been_l1 = pd.Series(at1).groupby(request).cummax().to_numpy(dtype=bool)
    jump = at1 & (following == 3)  # L1 → L3 read as L1 → L2 → L3: one more L2 visit
    n2 = int(np.count_nonzero(at2)) + int(np.count_nonzero(jump))
    # The L1 → L3 jumps' L2 visits belong to requests that have been at L1, and never return.
    n2_owned = int(np.count_nonzero(at2 & been_l1)) + int(np.count_nonzero(jump))
    return _Moves(
        entry_shares=(shares[0], shares[1], shares[2]),
        escalate_l1=_share(following > 1, at1 & first),
        re_escalate_l1=_share(following > 1, at1 & ~first),
        escalate_l2=(np.count_nonzero(at2 & (following == 3)) + np.count_nonzero(jump)) / n2,
        return_from_l2=np.count_nonzero(at2 & been_l1 & (following == 1)) / max(n2_owned, 1),
        hand_back_l3=_share(following == 2, at3),
        return_from_l3=_share(following == 1, at3 & been_l1),
    )


def _arrival_rate(frame: pd.DataFrame) -> tuple[float, float]:
    """Requests per day over the window holding the central 90 % of openings, and its length."""
    opened = _seconds(frame.groupby("SR Number")["time"].min())
    low, high = np.quantile(opened, [0.05, 0.95])
    days = max((high - low) / _DAY, 1.0)
    inside = np.count_nonzero((opened >= low) & (opened <= high))
    return inside / days, days


def calibrate(path: str | Path) -> Calibration:
    """Estimate routing, times at each level and arrival rate from a tiered status log.

    Parameters
    ----------
    path : str or Path
        CSV with at least ``SR Number``, ``Change Date+Time`` and ``ST Level`` (L1, L2, L3
        or L2/L3), one row per status change.

    Returns
    -------
    Calibration
        Entry shares, per-visit routing probabilities (with returns to L1), times at each
        level pooled and split by outcome (seconds), arrivals per day, and the log's own
        shares reaching L2 and L3 and median lifetime (days) for comparison with a
        simulation.
    """
    frame = _read(Path(path))
    stays = _stays(frame)
    moves = _moves(stays)
    duration = (stays["end"] - stays["start"]).to_numpy()
    levels = stays["level"].to_numpy()
    final = stays["final"].to_numpy(dtype=bool)

    def fits(keep: np.ndarray) -> tuple[LevelTime, LevelTime, LevelTime]:
        return (
            _fit(1, duration[keep & (levels == 1)]),
            _fit(2, duration[keep & (levels == 2)]),
            _fit(3, duration[keep & (levels == 3)]),
        )

    seen = frame.groupby("SR Number")["ST Level"].agg(set)
    lifetime = frame.groupby("SR Number")["time"].agg(lambda t: (t.max() - t.min()).total_seconds())
    rate, window = _arrival_rate(frame)
    return Calibration(
        requests=int(seen.size),
        entry_shares=moves.entry_shares,
        escalate_l1=moves.escalate_l1,
        escalate_l2=moves.escalate_l2,
        hand_back_l3=moves.hand_back_l3,
        return_from_l2=moves.return_from_l2,
        return_from_l3=moves.return_from_l3,
        re_escalate_l1=moves.re_escalate_l1,
        time_at_level=fits(np.ones(final.size, dtype=bool)),
        time_resolving=fits(final),
        time_moving_on=fits(~final),
        arrivals_per_day=rate,
        window_days=window,
        share_reaching_l1=float(seen.map(lambda s: "L1" in s).mean()),
        share_reaching_l2=float(seen.map(lambda s: bool(s & {"L2", "L2/L3"})).mean()),
        share_reaching_l3=float(seen.map(lambda s: bool(s & {"L3", "L2/L3"})).mean()),
        median_lifetime_days=float(np.median(lifetime.to_numpy()) / _DAY),
    )
