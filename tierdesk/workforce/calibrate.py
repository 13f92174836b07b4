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
* escalation probabilities are first-passage shares: ``escalate_l1`` is the share of
  requests starting at L1 that ever go above L1 (a direct L1 → L3 jump is read as
  L1 → L2 → L3, since the simulator escalates one level at a time); ``escalate_l2`` the share
  of requests at L2 in that sense (started there or escalated from L1) that later reach L3;
  ``hand_back_l3`` the share of requests that reach L3 and are at L2 afterwards.

The simulator has no return to First Level; the log's L1 stays after a higher level (the
first line closing the request with the user) are therefore not modelled, which is one
reason the simulated lifetime is shorter than the log's (see ``docs/calibration.md``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class LevelTime:
    """Time at one level (seconds) and the log-normal with the same mean and CV.

    The log-normal is fitted by moments (the sample's mean and coefficient of variation),
    not by maximum likelihood on the logarithms: the times are bimodal (seconds for a
    request passed straight on, days for one worked), and a fit on the logarithms lets a
    few near-zero stays blow the CV up to hundreds and the mean far off. ``median_seconds``
    is the empirical median, which the moment fit does not reproduce.
    """

    level: int
    stays: int
    mean_seconds: float
    cv: float
    median_seconds: float

    def distribution(self) -> Distribution:
        """The fitted log-normal distribution."""
        return Distribution.lognormal(self.mean_seconds, self.cv)


@dataclass(frozen=True)
class Calibration:
    """Parameters of a tiered department estimated from a status-change log."""

    requests: int
    entry_shares: tuple[float, float, float]
    escalate_l1: float
    escalate_l2: float
    hand_back_l3: float
    time_at_level: tuple[LevelTime, LevelTime, LevelTime]
    arrivals_per_day: float
    window_days: float
    share_reaching_l2: float
    share_reaching_l3: float
    median_lifetime_days: float

    def routing(self) -> Routing:
        """Entry shares and escalation probabilities for the simulator."""
        return Routing(self.escalate_l1, self.escalate_l2, self.hand_back_l3, self.entry_shares)

    def model(
        self,
        days: int,
        *,
        interval_seconds: float = 3600.0,
        channel: Channel = "email",
        agents: tuple[int, int, int] | None = None,
        arrivals_per_day: float | None = None,
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
        """
        n = math.ceil(days * _DAY / interval_seconds)
        rate = self.arrivals_per_day if arrivals_per_day is None else arrivals_per_day
        staff = agents if agents is not None else self._ample_agents(rate)
        return DepartmentModel(
            interval_seconds=interval_seconds,
            streams=(ArrivalStream(channel, "all", np.full(n, rate * interval_seconds / _DAY)),),
            groups=tuple(
                AgentGroup(f"L{lv}", lv, ("all",), constant_staffing(count, n), (channel,))
                for lv, count in zip((1, 2, 3), staff, strict=True)
            ),
            handling={
                (lv.level, c): lv.distribution() for lv in self.time_at_level for c in CHANNELS
            },
            routing=self.routing(),
        )

    def visits_per_request(self) -> FloatArray:
        """Expected visits to levels 1, 2, 3 per request under the routing (visits)."""
        p1, p2, p3 = self.entry_shares
        # Visits to L2 and L3 solve v2 = p2 + p1 e1 + v3 h and v3 = p3 + v2 e2.
        e1, e2, h = self.escalate_l1, self.escalate_l2, self.hand_back_l3
        v2 = (p2 + p1 * e1 + p3 * h) / (1.0 - e2 * h)
        return np.array([p1, v2, p3 + v2 * e2])

    def _ample_agents(self, rate: float) -> tuple[int, int, int]:
        means = np.array([lv.mean_seconds for lv in self.time_at_level]) / _DAY
        load = rate * self.visits_per_request() * means
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
    """One row per stay: request, level, start and end (seconds since the epoch)."""
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
        {"request": request[starts], "level": level[starts], "start": stay_start, "end": stay_end}
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
    )


def _first_passage(stays: pd.DataFrame) -> tuple[tuple[float, float, float], float, float, float]:
    """Entry shares and the three first-passage probabilities (see the module docstring)."""
    by_request = stays.groupby("request", sort=False)["level"]
    paths = [np.asarray(p) for _, p in by_request]
    entry = np.array([p[0] for p in paths])
    shares = tuple(float(np.mean(entry == lv)) for lv in (1, 2, 3))
    from_l1 = [p for p in paths if p[0] == 1]
    up = [p for p in from_l1 if np.any(p > 1)]
    at_l2 = up + [p for p in paths if p[0] == 2]
    to_l3 = [p for p in at_l2 if np.any(p == 3)]
    reach_l3 = [p for p in paths if np.any(p == 3)]
    back = [p for p in reach_l3 if np.any(p[int(np.argmax(p == 3)) :] == 2)]
    return (
        (shares[0], shares[1], shares[2]),
        len(up) / max(len(from_l1), 1),
        len(to_l3) / max(len(at_l2), 1),
        len(back) / max(len(reach_l3), 1),
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
        Entry shares, first-passage escalation probabilities, log-normal fits of the time
        at each level (seconds), arrivals per day, and the log's own shares reaching L2
        and L3 and median lifetime (days) for comparison with a simulation.
    """
    frame = _read(Path(path))
    stays = _stays(frame)
    shares, escalate_l1, escalate_l2, hand_back = _first_passage(stays)
    duration = (stays["end"] - stays["start"]).to_numpy()
    levels = stays["level"].to_numpy()
    fits = tuple(_fit(lv, duration[levels == lv]) for lv in (1, 2, 3))
    seen = frame.groupby("SR Number")["ST Level"].agg(set)
    lifetime = frame.groupby("SR Number")["time"].agg(lambda t: (t.max() - t.min()).total_seconds())
    rate, window = _arrival_rate(frame)
    return Calibration(
        requests=int(seen.size),
        entry_shares=shares,
        escalate_l1=escalate_l1,
        escalate_l2=escalate_l2,
        hand_back_l3=hand_back,
        time_at_level=(fits[0], fits[1], fits[2]),
        arrivals_per_day=rate,
        window_days=window,
        share_reaching_l2=float(seen.map(lambda s: bool(s & {"L2", "L2/L3"})).mean()),
        share_reaching_l3=float(seen.map(lambda s: bool(s & {"L3", "L2/L3"})).mean()),
        median_lifetime_days=float(np.median(lifetime.to_numpy()) / _DAY),
    )
