"""Ready-made departments: a single queue (M/M/c, M/M/c+M) and a three-tier chain.

Used by the validation tests, the benchmarks and ``tierdesk simulate``.
"""

from __future__ import annotations

import numpy as np

from tierdesk.workforce.simulate_model import (
    AgentGroup,
    ArrivalStream,
    Channel,
    DepartmentModel,
    Distribution,
    Routing,
    constant_staffing,
)


def single_queue(
    *,
    arrivals_per_second: float,
    agents: int,
    aht_seconds: float,
    horizon_seconds: float,
    patience_seconds: float | None = None,
    target_seconds: float = 20.0,
    interval_seconds: float = 3600.0,
    channel: Channel = "phone",
) -> DepartmentModel:
    """One queue of one team served by ``agents`` agents: M/M/c, or M/M/c+M with patience.

    Parameters
    ----------
    arrivals_per_second : float
        Poisson arrival rate (contacts per second), constant over the horizon.
    agents : int
        Agents on shift in every interval.
    aht_seconds : float
        Mean of the exponential handling time (seconds).
    horizon_seconds : float
        Simulated time (seconds), rounded up to whole intervals.
    patience_seconds : float, optional
        Mean of the exponential patience (seconds); no abandonment when omitted.
    target_seconds : float
        Service-level target (seconds).
    interval_seconds : float
        Interval length (seconds).
    channel : {"phone", "chat", "email"}
        Channel of the contacts.
    """
    n = max(1, int(np.ceil(horizon_seconds / interval_seconds)))
    patience: dict[str, Distribution] = (
        {} if patience_seconds is None else {channel: Distribution.exponential(patience_seconds)}
    )
    targets = {"phone": 20.0, "chat": 60.0, "email": 86_400.0, channel: target_seconds}
    return DepartmentModel(
        interval_seconds=interval_seconds,
        streams=(
            ArrivalStream(channel, "all", np.full(n, arrivals_per_second * interval_seconds)),
        ),
        groups=(AgentGroup("agents", 1, ("all",), constant_staffing(agents, n), (channel,)),),
        handling={(1, channel): Distribution.exponential(aht_seconds)},
        patience=patience,
        targets_seconds=targets,
    )


def three_tier_chain(
    *,
    arrivals_per_second: float,
    agents: tuple[int, int, int],
    aht_seconds: tuple[float, float, float],
    escalate_l1: float,
    escalate_l2: float,
    horizon_seconds: float,
    interval_seconds: float = 3600.0,
    hand_back_l3: float = 0.0,
) -> DepartmentModel:
    """Phone contacts of one team through L1 → L2 → L3, exponential handling, no abandonment.

    Parameters
    ----------
    arrivals_per_second : float
        Poisson arrival rate at First Level (contacts per second).
    agents : (int, int, int)
        Agents on shift at each level, constant.
    aht_seconds : (float, float, float)
        Mean exponential handling time per level (seconds).
    escalate_l1, escalate_l2 : float
        Escalation probabilities L1→L2 and L2→L3.
    horizon_seconds : float
        Simulated time (seconds), rounded up to whole intervals.
    interval_seconds : float
        Interval length (seconds).
    hand_back_l3 : float
        Probability that L3 hands a contact back to L2.
    """
    n = max(1, int(np.ceil(horizon_seconds / interval_seconds)))
    return DepartmentModel(
        interval_seconds=interval_seconds,
        streams=(
            ArrivalStream("phone", "all", np.full(n, arrivals_per_second * interval_seconds)),
        ),
        groups=tuple(
            AgentGroup(f"L{level}", level, ("all",), constant_staffing(count, n), ("phone",))
            for level, count in zip((1, 2, 3), agents, strict=True)
        ),
        handling={
            (level, "phone"): Distribution.exponential(mean)
            for level, mean in zip((1, 2, 3), aht_seconds, strict=True)
        },
        routing=Routing(escalate_l1, escalate_l2, hand_back_l3),
    )
