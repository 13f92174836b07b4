"""Inputs of the department simulator: distributions, arrival streams, agent groups, routing.

Every input is a frozen dataclass; arrays are copied and made read-only on construction so
that a model, once built, cannot change under a running simulation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

import numpy as np
import numpy.typing as npt

Channel = Literal["phone", "chat", "email"]
DistributionKind = Literal["exponential", "lognormal", "deterministic", "empirical"]

CHANNELS: tuple[Channel, ...] = ("phone", "chat", "email")
REAL_TIME_CHANNELS: frozenset[str] = frozenset({"phone", "chat"})
LEVELS: tuple[int, ...] = (1, 2, 3)
DEFAULT_TARGETS_SECONDS: Mapping[str, float] = MappingProxyType(
    {"phone": 20.0, "chat": 60.0, "email": 86_400.0}
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def _frozen_array(values: object, dtype: type, name: str) -> npt.NDArray[np.generic]:
    """Copy ``values`` (array-like or pandas Series) into a read-only 1-d numpy array."""
    raw = getattr(values, "to_numpy", None)
    array: npt.NDArray[np.generic] = np.array(
        raw() if callable(raw) else values, dtype=dtype, copy=True
    )
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty one-dimensional sequence, got {array.shape}")
    if not np.all(np.isfinite(array)) or np.any(array.astype(np.float64) < 0):
        raise ValueError(f"{name} must be finite and non-negative")
    array.flags.writeable = False
    return array


@dataclass(frozen=True)
class Distribution:
    """A positive random duration (handling time or patience).

    Parameters
    ----------
    kind : {"exponential", "lognormal", "deterministic", "empirical"}
        Family of the distribution. ``"empirical"`` resamples observed durations.
    mean_seconds : float
        Mean duration in seconds (> 0).
    cv : float
        Coefficient of variation (standard deviation / mean); used by ``"lognormal"`` only.
        The exponential has CV 1 and the deterministic CV 0 whatever is given here.
    samples : ndarray of float, optional
        Observed durations in seconds, for ``"empirical"`` only (build it with
        :meth:`empirical`, which also sets the mean and CV of the samples).
    """

    kind: DistributionKind
    mean_seconds: float
    cv: float = 1.0
    samples: FloatArray | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in ("exponential", "lognormal", "deterministic", "empirical"):
            raise ValueError(f"unknown distribution kind {self.kind!r}")
        if (self.kind == "empirical") != (self.samples is not None):
            raise ValueError("samples are given with, and only with, the empirical kind")
        if not (math.isfinite(self.mean_seconds) and self.mean_seconds > 0):
            raise ValueError(f"mean_seconds must be positive, got {self.mean_seconds}")
        if self.kind == "lognormal" and not (math.isfinite(self.cv) and self.cv > 0):
            raise ValueError(f"a log-normal needs a positive CV, got {self.cv}")

    @classmethod
    def exponential(cls, mean_seconds: float) -> Distribution:
        """Exponential duration with the given mean in seconds."""
        return cls("exponential", mean_seconds, 1.0)

    @classmethod
    def lognormal(cls, mean_seconds: float, cv: float) -> Distribution:
        """Log-normal duration with the given mean (seconds) and coefficient of variation."""
        return cls("lognormal", mean_seconds, cv)

    @classmethod
    def empirical(cls, samples: object) -> Distribution:
        """Resample the observed durations ``samples`` (seconds, non-negative, not all 0)."""
        values = _frozen_array(samples, np.float64, "samples").astype(np.float64)
        values.flags.writeable = False
        mean = float(values.mean())
        cv = float(values.std()) / mean if mean > 0 else 0.0
        return cls("empirical", mean, cv, values)

    def sample(self, rng: np.random.Generator, size: int) -> FloatArray:
        """Draw ``size`` durations in seconds."""
        if self.samples is not None:
            drawn: FloatArray = self.samples[rng.integers(0, self.samples.size, size)]
            return drawn
        if self.kind == "exponential":
            return rng.exponential(self.mean_seconds, size)
        if self.kind == "deterministic":
            return np.full(size, self.mean_seconds)
        sigma2 = math.log1p(self.cv * self.cv)
        mu = math.log(self.mean_seconds) - sigma2 / 2.0
        return rng.lognormal(mu, math.sqrt(sigma2), size)


@dataclass(frozen=True)
class ArrivalStream:
    """Contacts of one channel and team arriving as a non-homogeneous Poisson process.

    Parameters
    ----------
    channel : {"phone", "chat", "email"}
        Channel of the contacts.
    team : str
        Team (skill) the contacts belong to; escalated contacts keep their team.
    rates : array-like or pandas Series
        Expected arrivals per interval (contacts per interval), one value per interval.
        The rate is constant within an interval (piecewise-constant intensity).
    """

    channel: Channel
    team: str
    rates: FloatArray

    def __post_init__(self) -> None:
        if self.channel not in CHANNELS:
            raise ValueError(f"unknown channel {self.channel!r}; expected one of {CHANNELS}")
        object.__setattr__(self, "rates", _frozen_array(self.rates, np.float64, "rates"))


@dataclass(frozen=True)
class AgentGroup:
    """Agents of one level sharing the same skills and the same shift plan.

    Parameters
    ----------
    name : str
        Name shown in the results.
    level : int
        1, 2 or 3: the tier whose queues the group serves.
    teams : tuple of str
        Teams the agents can serve (an agent may serve several teams).
    staffing : array-like of int
        Agents on shift per interval (agents), e.g. from a shift plan.
    channels : tuple of str
        Channels the agents handle; all three by default.
    """

    name: str
    level: int
    teams: tuple[str, ...]
    staffing: IntArray
    channels: tuple[Channel, ...] = CHANNELS

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"group {self.name!r}: level must be 1, 2 or 3, got {self.level}")
        if not self.teams:
            raise ValueError(f"group {self.name!r} serves no team")
        unknown = set(self.channels) - set(CHANNELS)
        if unknown or not self.channels:
            raise ValueError(f"group {self.name!r}: bad channels {self.channels}")
        staffing = _frozen_array(self.staffing, np.float64, f"staffing of {self.name!r}")
        if np.any(staffing != np.round(staffing.astype(np.float64))):
            raise ValueError(f"staffing of {self.name!r} must be whole agents")
        object.__setattr__(self, "staffing", _frozen_array(staffing, np.int64, "staffing"))


@dataclass(frozen=True)
class Routing:
    """Where a contact goes after each visit to a level.

    Every visit ends with one move: at L1 escalate to L2 or resolve; at L2 escalate to L3,
    return to L1 or resolve; at L3 hand back to L2, return to L1 or resolve. Only contacts
    that have been at L1 return there (one that entered at L2 or L3 has no first-line
    owner to go back to), and an L1 visit after a return escalates with
    ``re_escalate_l1``.

    Parameters
    ----------
    escalate_l1 : float
        Probability that a contact handled at First Level is escalated to Second Level.
    escalate_l2 : float
        Probability that a contact handled at Second Level is escalated to Third Level.
    hand_back_l3 : float
        Probability that Third Level hands a contact back to Second Level (which then
        resolves it or escalates it again with ``escalate_l2``).
    entry_shares : tuple of three floats
        Share of new contacts entering at levels 1, 2 and 3 (sums to 1).
    return_from_l2 : float
        Probability that a visit at Second Level of a contact that has been at First Level
        sends it back there (e.g. to close it with the customer); at most
        ``1 - escalate_l2``.
    return_from_l3 : float
        The same from Third Level; at most ``1 - hand_back_l3``.
    re_escalate_l1 : float, optional
        Probability that a visit at First Level after a return escalates again to Second
        Level; ``escalate_l1`` when omitted.
    """

    escalate_l1: float = 0.0
    escalate_l2: float = 0.0
    hand_back_l3: float = 0.0
    entry_shares: tuple[float, float, float] = (1.0, 0.0, 0.0)
    return_from_l2: float = 0.0
    return_from_l3: float = 0.0
    re_escalate_l1: float | None = None

    def __post_init__(self) -> None:
        if self.re_escalate_l1 is None:
            object.__setattr__(self, "re_escalate_l1", self.escalate_l1)
        names = ("escalate_l1", "escalate_l2", "hand_back_l3", "return_from_l2")
        for name in (*names, "return_from_l3", "re_escalate_l1"):
            value = getattr(self, name)
            if not (0.0 <= value <= 1.0):
                raise ValueError(f"{name} must be a probability, got {value}")
        if self.escalate_l2 + self.return_from_l2 > 1.0 + 1e-12:
            raise ValueError("escalate_l2 + return_from_l2 must not exceed 1")
        if self.hand_back_l3 + self.return_from_l3 > 1.0 + 1e-12:
            raise ValueError("hand_back_l3 + return_from_l3 must not exceed 1")
        if not np.isfinite(self.expected_visits()).all():
            raise ValueError("this routing never lets some contacts go: it would loop for ever")
        shares = tuple(float(s) for s in self.entry_shares)
        if len(shares) != 3 or min(shares) < 0 or not math.isclose(sum(shares), 1.0):
            raise ValueError(f"entry_shares must be three shares summing to 1, got {shares}")
        object.__setattr__(self, "entry_shares", shares)

    @property
    def returns(self) -> bool:
        """Whether contacts may come back to First Level."""
        return self.return_from_l2 > 0 or self.return_from_l3 > 0

    def expected_visits(self) -> FloatArray:
        """Expected visits per contact to levels 1, 2 and 3 (visits; inf if it never ends).

        Solves the visit equations of the routing chain, whose states are L1 before any
        return, L1 after a return, L2 and L3 of contacts that have been at L1, and L2 and
        L3 of contacts that have not.
        """
        e1, e2, h = self.escalate_l1, self.escalate_l2, self.hand_back_l3
        r2, r3 = self.return_from_l2, self.return_from_l3
        e1r = e1 if self.re_escalate_l1 is None else self.re_escalate_l1
        # moves[i, j]: probability that a visit in state i is followed by one in state j.
        moves = np.array(
            [
                [0, 0, e1, 0, 0, 0],
                [0, 0, e1r, 0, 0, 0],
                [0, r2, 0, e2, 0, 0],
                [0, r3, h, 0, 0, 0],
                [0, 0, 0, 0, 0, e2],
                [0, 0, 0, 0, h, 0],
            ],
            dtype=np.float64,
        )
        p1, p2, p3 = self.entry_shares
        entry = np.array([p1, 0.0, 0.0, 0.0, p2, p3])
        system = np.eye(6) - moves.T
        if abs(np.linalg.det(system)) < 1e-12:
            return np.full(3, np.inf)
        visits = np.linalg.solve(system, entry)
        if np.any(visits < -1e-9):
            return np.full(3, np.inf)
        return np.array([visits[0] + visits[1], visits[2] + visits[4], visits[3] + visits[5]])


def _frozen_mapping(values: Mapping[object, object]) -> MappingProxyType[object, object]:
    return MappingProxyType(dict(values))


@dataclass(frozen=True)
class DepartmentModel:
    """A tiered service department to simulate.

    Parameters
    ----------
    interval_seconds : float
        Length of one planning interval in seconds (e.g. 1800 for half-hours).
    streams : sequence of ArrivalStream
        Arrival streams; all have the same number of intervals as every group's staffing.
    groups : sequence of AgentGroup
        Agent groups with their shift plans.
    handling : mapping (level, channel) -> Distribution
        Handling time per level and channel, in seconds.
    handling_onward : mapping (level, channel) -> Distribution
        Handling time of the visits after which the contact moves to another level
        (escalation, hand-back or return), where it differs from that of the visits that
        resolve the contact; ``handling`` is used for a (level, channel) absent here.
    routing : Routing
        Escalation and hand-back probabilities and entry shares.
    patience : mapping channel -> Distribution
        Patience of waiting phone and chat contacts (seconds); a channel absent here never
        abandons. Email never abandons.
    targets_seconds : mapping channel -> float
        Service-level target per channel in seconds (answered within this wait).
    """

    interval_seconds: float
    streams: tuple[ArrivalStream, ...]
    groups: tuple[AgentGroup, ...]
    handling: Mapping[tuple[int, str], Distribution]
    routing: Routing = field(default_factory=Routing)
    patience: Mapping[str, Distribution] = field(default_factory=dict)
    targets_seconds: Mapping[str, float] = field(default_factory=lambda: DEFAULT_TARGETS_SECONDS)
    handling_onward: Mapping[tuple[int, str], Distribution] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "streams", tuple(self.streams))
        object.__setattr__(self, "groups", tuple(self.groups))
        for name in ("handling", "patience", "targets_seconds", "handling_onward"):
            object.__setattr__(self, name, _frozen_mapping(getattr(self, name)))
        if not (math.isfinite(self.interval_seconds) and self.interval_seconds > 0):
            raise ValueError(f"interval_seconds must be positive, got {self.interval_seconds}")
        if not self.streams:
            raise ValueError("the model has no arrival stream")
        lengths = {s.rates.size for s in self.streams} | {g.staffing.size for g in self.groups}
        if len(lengths) != 1:
            raise ValueError(f"rates and staffing must cover the same intervals, got {lengths}")
        if len({g.name for g in self.groups}) != len(self.groups):
            raise ValueError("agent group names must be unique")
        if "email" in self.patience:
            raise ValueError("email does not abandon: remove it from patience")
        missing = [c for c in CHANNELS if c not in self.targets_seconds]
        if missing:
            raise ValueError(f"targets_seconds lacks channels {missing}")

    @property
    def n_intervals(self) -> int:
        """Number of intervals simulated."""
        return int(self.streams[0].rates.size)

    @property
    def horizon_seconds(self) -> float:
        """Simulated time in seconds (intervals × interval length)."""
        return self.n_intervals * self.interval_seconds

    @property
    def teams(self) -> tuple[str, ...]:
        """Teams in order of first appearance in the streams, then the groups."""
        seen: dict[str, None] = {}
        for stream in self.streams:
            seen.setdefault(stream.team, None)
        for group in self.groups:
            for team in group.teams:
                seen.setdefault(team, None)
        return tuple(seen)


def constant_staffing(agents: int, n_intervals: int) -> IntArray:
    """Staffing of ``agents`` on every one of ``n_intervals`` intervals."""
    return np.full(n_intervals, agents, dtype=np.int64)
