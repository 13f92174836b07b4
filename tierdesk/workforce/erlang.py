"""Erlang B and Erlang C (M/M/n) formulas for staffing a queue of calls.

Every function takes scalars or numpy arrays (broadcast against each other, so a
whole year of intervals is one call) and returns a Python ``float``/``int`` for
scalar input and an ``ndarray`` otherwise.

Units
-----
traffic
    Offered load in Erlangs: arrival rate times average handling time, e.g.
    120 calls per half hour with a 240-second handling time is
    ``120 * 240 / 1800 = 16`` Erlangs.
agents
    Number of agents on the phones (non-negative integers).
aht_seconds, target_seconds
    Average handling time and the answer-time target, in seconds.

Numerics
--------
No factorials and no powers are formed. Erlang B is the Poisson ratio
``B(a, n) = pmf(n; a) / cdf(n; a)``; the pmf is evaluated with Loader's
saddle-point form (``stirlerr`` and ``bd0``, as in R's ``dpois``) so that it keeps
full relative accuracy at 100,000 Erlangs where ``n log a - a - log n!``
would cancel away eleven digits, and the cdf is ``scipy.special.gammaincc``.
Where the cdf underflows (far fewer agents than Erlangs) the finite series
``1/B = sum_j prod_{i<j} (n - i)/a`` is summed instead; it converges
geometrically there. Erlang C, the service level and the speed of answer are
then formed from sums of non-negative terms only, so no probability leaves
[0, 1] and none loses accuracy to cancellation.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from typing import Any, overload

import numpy as np
import numpy.typing as npt
from scipy import special

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
ArrayLike = float | int | npt.ArrayLike

__all__ = [
    "average_speed_of_answer",
    "erlang_b",
    "erlang_c",
    "occupancy",
    "required_agents",
    "service_level",
]

_PI_50_DIGITS = "3.14159265358979323846264338327950288419716939937510"
_SMALLEST_SAFE_CDF = 1e-290
_SERIES_TOLERANCE = 1e-18
_NEWTON_ITERATIONS = 4


def _stirling_error_table(size: int) -> FloatArray:
    """``log(n!) - (n + 1/2) log n + n - log sqrt(2 pi)`` for n < size, to 40 digits."""
    table = np.zeros(size)
    with localcontext() as context:
        context.prec = 40
        half_log_two_pi = (2 * Decimal(_PI_50_DIGITS)).ln() / 2
        log_factorial = Decimal(0)
        for n in range(1, size):
            log_factorial += Decimal(n).ln()
            value = log_factorial - (n + Decimal("0.5")) * Decimal(n).ln() + n - half_log_two_pi
            table[n] = float(value)
    return table


_STIRLING_TABLE = _stirling_error_table(16)


def _stirling_error(n: FloatArray) -> FloatArray:
    """Stirling-formula error ``log(n!) - log(sqrt(2 pi n) (n/e)^n)`` for integers n >= 1."""
    small = n < _STIRLING_TABLE.size
    safe_n = np.where(small, _STIRLING_TABLE.size, n)
    inverse_square = 1.0 / (safe_n * safe_n)
    # Asymptotic series (Loader 2000); five terms reach 1e-17 from n = 16 on.
    series = (
        1 / 12
        - (
            1 / 360
            - (1 / 1260 - (1 / 1680 - (1 / 1188) * inverse_square) * inverse_square)
            * inverse_square
        )
        * inverse_square
    ) / safe_n
    table_index = np.where(small, n, 0).astype(np.intp)
    result: FloatArray = np.where(small, _STIRLING_TABLE[table_index], series)
    return result


def _deviance_term(x: FloatArray, mean: FloatArray) -> FloatArray:
    """``x log(x/mean) + mean - x`` without cancellation when x is close to mean (x, mean > 0)."""
    difference = x - mean
    total = x + mean
    ratio = difference / total
    near = np.abs(difference) < 0.1 * total
    # Series in ratio^2 <= 0.01 (Loader 2000): nine terms reach double precision.
    series = difference * ratio
    odd_power = 2.0 * x * ratio
    ratio_squared = ratio * ratio
    for j in range(1, 10):
        odd_power = odd_power * ratio_squared
        series = series + odd_power / (2 * j + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        # log1p of the exact difference avoids rounding x / mean (error x * eps).
        direct = x * np.log1p(difference / mean) - difference
    result: FloatArray = np.where(near, series, direct)
    return result


def _log_poisson_pmf(n: FloatArray, mean: FloatArray) -> FloatArray:
    """Natural log of the Poisson probability of n (integers >= 0) with mean > 0."""
    positive = n > 0
    safe_n = np.where(positive, n, 1.0)
    saddle = (
        -_stirling_error(safe_n)
        - _deviance_term(safe_n, mean)
        - 0.5 * np.log(2.0 * math.pi * safe_n)
    )
    result: FloatArray = np.where(positive, saddle, -mean)
    return result


def _inverse_blocking_series(traffic: FloatArray, agents: FloatArray) -> FloatArray:
    """``1/B`` by direct summation; used only where agents < traffic, where it converges fast."""
    total = np.ones_like(traffic)
    term = np.ones_like(traffic)
    active = np.arange(traffic.size)
    j = 0
    while active.size:
        factor = (agents[active] - j) / traffic[active]
        term[active] = term[active] * np.maximum(factor, 0.0)
        total[active] += term[active]
        j += 1
        keep = (term[active] > _SERIES_TOLERANCE * total[active]) & (agents[active] > j)
        active = active[keep]
    return total


def _erlang_b_positive(traffic: FloatArray, agents: FloatArray) -> FloatArray:
    """Erlang B for 1-D arrays with traffic > 0 and integer agents >= 0."""
    cdf = special.gammaincc(agents + 1.0, traffic)
    safe = cdf > _SMALLEST_SAFE_CDF
    with np.errstate(divide="ignore"):
        log_blocking = _log_poisson_pmf(agents, traffic) - np.log(np.where(safe, cdf, 1.0))
    blocking: FloatArray = np.minimum(np.exp(log_blocking), 1.0)
    if not safe.all():
        unsafe = np.flatnonzero(~safe)
        blocking[unsafe] = 1.0 / _inverse_blocking_series(traffic[unsafe], agents[unsafe])
    return blocking


def _erlang_b_array(traffic: FloatArray, agents: FloatArray) -> FloatArray:
    blocking = np.where(agents == 0, 1.0, 0.0)
    busy = np.flatnonzero(traffic > 0)
    if busy.size:
        blocking[busy] = _erlang_b_positive(traffic[busy], agents[busy])
    return blocking


def _erlang_c_from_b(traffic: FloatArray, agents: FloatArray, blocking: FloatArray) -> FloatArray:
    # agents - traffic is exact when they are within a factor two (Sterbenz), which
    # is where it matters; the denominator is a sum of non-negative terms.
    with np.errstate(divide="ignore", invalid="ignore"):
        waiting = agents * blocking / (agents - traffic + traffic * blocking)
    result: FloatArray = np.where(agents <= traffic, 1.0, np.minimum(waiting, 1.0))
    return result


def _service_level_from_b(
    traffic: FloatArray,
    agents: FloatArray,
    blocking: FloatArray,
    aht_seconds: FloatArray,
    target_seconds: FloatArray,
) -> FloatArray:
    spare = agents - traffic
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        denominator = spare + traffic * blocking
        waiting = agents * blocking / denominator
        never_waits = spare * (1.0 - blocking) / denominator
        # 1 - C exp(-x) written as (1 - C) + C (1 - exp(-x)): two non-negative terms.
        level = never_waits + waiting * -np.expm1(-spare * target_seconds / aht_seconds)
    result: FloatArray = np.where(
        traffic == 0, 1.0, np.where(spare <= 0, 0.0, np.clip(level, 0.0, 1.0))
    )
    return result


def _float_array(name: str, value: ArrayLike) -> FloatArray:
    array = np.asarray(value, dtype=np.float64)
    if np.isnan(array).any():
        raise ValueError(f"{name} must not be NaN")
    return array


def _traffic_array(value: ArrayLike) -> FloatArray:
    traffic = _float_array("traffic", value)
    if (traffic < 0).any() or np.isinf(traffic).any():
        raise ValueError("traffic must be finite and >= 0 Erlangs")
    return traffic


def _agents_array(value: ArrayLike) -> FloatArray:
    agents = _float_array("agents", value)
    if (agents < 0).any() or (np.floor(agents) != agents).any() or np.isinf(agents).any():
        raise ValueError("agents must be whole numbers >= 0")
    return agents


def _positive_array(name: str, value: ArrayLike, allow_zero: bool = False) -> FloatArray:
    array = _float_array(name, value)
    if (array < 0).any() or (not allow_zero and (array == 0).any()) or np.isinf(array).any():
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be finite and {bound} seconds")
    return array


def _is_scalar(*values: Any) -> bool:
    return all(
        value is None or type(value) in (int, float) or np.ndim(value) == 0 for value in values
    )


@overload
def _finish(result: FloatArray, scalar: bool) -> float | FloatArray: ...


@overload
def _finish(result: IntArray, scalar: bool) -> int | IntArray: ...


def _finish(result: Any, scalar: bool) -> Any:
    if scalar:
        return result.reshape(()).item()
    return result


def erlang_b(traffic: ArrayLike, agents: ArrayLike) -> float | FloatArray:
    """Blocking probability of the Erlang loss system M/M/n/n.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents (servers), whole numbers >= 0.

    Returns
    -------
    float or ndarray
        Probability in [0, 1] that an arriving call finds every agent busy and
        is lost. ``erlang_b(0, 0)`` is 1 (the limit as traffic tends to 0).

    Examples
    --------
    >>> round(erlang_b(4.461, 10), 4)
    0.01
    """
    scalar = _is_scalar(traffic, agents)
    a, n = np.broadcast_arrays(_traffic_array(traffic), _agents_array(agents))
    result = _erlang_b_array(a.ravel(), n.ravel()).reshape(a.shape)
    return _finish(result, scalar)


def erlang_c(traffic: ArrayLike, agents: ArrayLike) -> float | FloatArray:
    """Probability that a call has to wait in the Erlang delay system M/M/n.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents, whole numbers >= 0.

    Returns
    -------
    float or ndarray
        Probability of waiting, in [0, 1]; exactly 1.0 when ``agents <= traffic``
        (the queue is unstable and every call eventually waits).
    """
    scalar = _is_scalar(traffic, agents)
    a, n = np.broadcast_arrays(_traffic_array(traffic), _agents_array(agents))
    shape = a.shape
    a, n = a.ravel(), n.ravel()
    result = _erlang_c_from_b(a, n, _erlang_b_array(a, n))
    return _finish(result.reshape(shape), scalar)


def service_level(
    traffic: ArrayLike, agents: ArrayLike, aht_seconds: ArrayLike, target_seconds: ArrayLike
) -> float | FloatArray:
    """Fraction of calls answered within ``target_seconds`` in M/M/n (Erlang C).

    ``SL = 1 - C(traffic, agents) * exp(-(agents - traffic) * target / aht)``.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents, whole numbers >= 0.
    aht_seconds : float or array_like
        Average handling time in seconds (> 0).
    target_seconds : float or array_like
        Answer-time target in seconds (>= 0).

    Returns
    -------
    float or ndarray
        Service level in [0, 1]: 0 when ``agents <= traffic`` (waits grow without
        bound) and 1 when ``traffic == 0`` (no call can miss the target).
    """
    scalar = _is_scalar(traffic, agents, aht_seconds, target_seconds)
    arrays = np.broadcast_arrays(
        _traffic_array(traffic),
        _agents_array(agents),
        _positive_array("aht_seconds", aht_seconds),
        _positive_array("target_seconds", target_seconds, allow_zero=True),
    )
    shape = arrays[0].shape
    a, n, aht, target = (array.ravel() for array in arrays)
    level = _service_level_from_b(a, n, _erlang_b_array(a, n), aht, target)
    return _finish(level.reshape(shape), scalar)


def average_speed_of_answer(
    traffic: ArrayLike, agents: ArrayLike, aht_seconds: ArrayLike
) -> float | FloatArray:
    """Mean waiting time of all calls (ASA) in M/M/n, in seconds.

    ``ASA = C(traffic, agents) * aht / (agents - traffic)``.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents, whole numbers >= 0.
    aht_seconds : float or array_like
        Average handling time in seconds (> 0).

    Returns
    -------
    float or ndarray
        Seconds; ``inf`` when ``agents <= traffic`` and 0 when ``traffic == 0``.
    """
    scalar = _is_scalar(traffic, agents, aht_seconds)
    arrays = np.broadcast_arrays(
        _traffic_array(traffic), _agents_array(agents), _positive_array("aht_seconds", aht_seconds)
    )
    shape = arrays[0].shape
    a, n, aht = (array.ravel() for array in arrays)
    waiting = _erlang_c_from_b(a, n, _erlang_b_array(a, n))
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = waiting * aht / (n - a)
    result = np.where(a == 0, 0.0, np.where(n <= a, np.inf, speed))
    return _finish(result.reshape(shape), scalar)


def occupancy(traffic: ArrayLike, agents: ArrayLike) -> float | FloatArray:
    """Fraction of the agents' time spent handling calls, ``traffic / agents``.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents, whole numbers >= 0.

    Returns
    -------
    float or ndarray
        In [0, 1]: 1 when ``agents <= traffic`` (agents never idle), 0 when
        ``traffic == 0``.
    """
    scalar = _is_scalar(traffic, agents)
    a, n = np.broadcast_arrays(_traffic_array(traffic), _agents_array(agents))
    with np.errstate(divide="ignore", invalid="ignore"):
        busy = a / n
    result = np.where(a == 0, 0.0, np.where(n <= a, 1.0, busy))
    return _finish(result, scalar)


def _square_root_staffing_guess(
    traffic: FloatArray,
    patience_ratio: FloatArray,
    target_level: FloatArray,
    iterations: int = _NEWTON_ITERATIONS,
) -> FloatArray:
    """Approximate agents from the Halfin-Whitt (1981) square-root rule.

    Solves ``C(beta) exp(-beta sqrt(a) T/aht) = 1 - target`` with the heavy-traffic
    ``C(beta) = 1 / (1 + beta Phi(beta)/phi(beta))`` by Newton's method. Only a
    starting point: the exact search corrects any error.
    """
    slope = np.sqrt(traffic) * patience_ratio
    log_miss = -np.log1p(-target_level)
    beta = np.ones_like(traffic)
    for _ in range(iterations):
        mills = special.ndtr(beta) * math.sqrt(2 * math.pi) * np.exp(0.5 * beta * beta)
        grow = 1.0 + beta * mills
        value = np.log(grow) + slope * beta - log_miss
        derivative = (mills + beta * (1.0 + beta * mills)) / grow + slope
        # beta stays below 30 so that exp(beta^2 / 2) cannot overflow.
        beta = np.minimum(np.maximum(beta - value / derivative, 0.0), 30.0)
    guess: FloatArray = traffic + beta * np.sqrt(traffic)
    return guess


def _search_from(
    traffic: FloatArray,
    start: FloatArray,
    aht: FloatArray,
    target_seconds: FloatArray,
    target_level: FloatArray,
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Smallest n >= start meeting the target, stepping up with the stable recurrence.

    Returns the answers and whether ``start`` itself already met the target.
    """
    agents = start.copy()
    blocking = _erlang_b_positive(traffic, agents)
    level = _service_level_from_b(traffic, agents, blocking, aht, target_seconds)
    met_at_start = level >= target_level
    active = np.flatnonzero(~met_at_start)
    while active.size:
        a = traffic[active]
        n = agents[active] + 1.0
        b = a * blocking[active] / (n + a * blocking[active])
        agents[active] = n
        blocking[active] = b
        level = _service_level_from_b(a, n, b, aht[active], target_seconds[active])
        active = active[level < target_level[active]]
    return agents, met_at_start


def _occupancy_floor(traffic: FloatArray, max_occupancy: FloatArray) -> FloatArray:
    """Smallest n with ``traffic / n <= max_occupancy`` as evaluated in floating point."""
    agents = np.ceil(traffic / max_occupancy)
    with np.errstate(divide="ignore", invalid="ignore"):
        agents = np.where(traffic / agents > max_occupancy, agents + 1, agents)
        lower = agents - 1
        agents = np.where((lower > 0) & (traffic / lower <= max_occupancy), lower, agents)
    return agents


def required_agents(
    traffic: ArrayLike,
    aht_seconds: ArrayLike,
    target_level: ArrayLike,
    target_seconds: ArrayLike,
    max_occupancy: ArrayLike | None = None,
) -> int | IntArray:
    """Fewest agents whose Erlang C service level meets the target.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    aht_seconds : float or array_like
        Average handling time in seconds (> 0).
    target_level : float or array_like
        Required fraction answered within ``target_seconds``, in (0, 1), e.g. 0.8.
    target_seconds : float or array_like
        Answer-time target in seconds (>= 0), e.g. 20.
    max_occupancy : float or array_like, optional
        Upper bound on ``traffic / agents`` in (0, 1], e.g. 0.85.

    Returns
    -------
    int or ndarray of int64
        The minimal whole number of agents n with
        ``service_level(traffic, n, aht, target) >= target_level`` and, if given,
        ``occupancy(traffic, n) <= max_occupancy``; 0 for zero traffic.

    Notes
    -----
    The search starts at the floor of a Halfin-Whitt square-root-staffing guess
    (which undershoots by one or two agents), evaluates that point exactly, and
    steps upward with the Erlang B recurrence ``B(n) = a B(n-1) / (n + a B(n-1))``;
    where the guess overshoots, it restarts from ``floor(traffic) + 1``, the
    smallest stable staffing. All intervals are searched together, so a year of
    half-hour intervals costs a few vector passes.

    The service level is computed to about 1e-15 relative, so the answer is the
    exact one unless the exact service level of the answer or of one agent fewer
    lies within rounding error of ``target_level`` (an exact tie such as
    traffic 0.5, target 0.5 within 0 seconds, where one agent gives exactly 50 %).
    """
    scalar = _is_scalar(traffic, aht_seconds, target_level, target_seconds, max_occupancy)
    if scalar:
        single = _required_agents_scalar(
            traffic, aht_seconds, target_level, target_seconds, max_occupancy
        )
        if single is not None:
            return single
    level_array = _float_array("target_level", target_level)
    if ((level_array <= 0) | (level_array >= 1)).any():
        raise ValueError("target_level must be strictly between 0 and 1")
    occupancy_array = _float_array("max_occupancy", 1.0 if max_occupancy is None else max_occupancy)
    if ((occupancy_array <= 0) | (occupancy_array > 1)).any():
        raise ValueError("max_occupancy must be in (0, 1]")
    arrays = np.broadcast_arrays(
        _traffic_array(traffic),
        _positive_array("aht_seconds", aht_seconds),
        level_array,
        _positive_array("target_seconds", target_seconds, allow_zero=True),
        occupancy_array,
    )
    shape = arrays[0].shape
    a_all, aht_all, level_all, target_all, occupancy_all = (array.ravel() for array in arrays)
    answer = np.zeros(a_all.size)
    busy = np.flatnonzero(a_all > 0)
    if busy.size:
        a, aht, level, target = a_all[busy], aht_all[busy], level_all[busy], target_all[busy]
        lowest = np.floor(a) + 1.0
        guess = _square_root_staffing_guess(a, target / aht, level)
        start = np.maximum(lowest, np.floor(guess))
        agents, met_at_start = _search_from(a, start, aht, target, level)
        overshoot = np.flatnonzero(met_at_start & (start > lowest))
        if overshoot.size:
            agents[overshoot], _ = _search_from(
                a[overshoot],
                lowest[overshoot],
                aht[overshoot],
                target[overshoot],
                level[overshoot],
            )
        answer[busy] = np.maximum(agents, _occupancy_floor(a, occupancy_all[busy]))
    return _finish(answer.astype(np.int64).reshape(shape), scalar)


# Up to this load a single solve is cheaper as a plain Python loop over n than as a
# handful of numpy calls, whose fixed cost (tens of microseconds each) dominates.
_SCALAR_PATH_MAX_TRAFFIC = 1000.0


def _required_agents_scalar(
    traffic: Any,
    aht_seconds: Any,
    target_level: Any,
    target_seconds: Any,
    max_occupancy: Any,
) -> int | None:
    """``required_agents`` for one small queue, or ``None`` to leave it to the vector path.

    Walks n upward from 0 with the Erlang B recurrence, which is numerically stable
    (every step is a ratio of positive terms), and evaluates the service level with
    the same two non-negative terms as ``_service_level_from_b``. Agrees with the
    vector path except where a service level lies within rounding of the target.
    Input checks and anything unusual (large or invalid values) go the vector way.
    """
    try:
        a = float(traffic)
        aht = float(aht_seconds)
        level_target = float(target_level)
        target = float(target_seconds)
        cap = 1.0 if max_occupancy is None else float(max_occupancy)
    except (TypeError, ValueError):
        return None
    valid = (
        0.0 < a <= _SCALAR_PATH_MAX_TRAFFIC
        and 0.0 < aht < math.inf
        and 0.0 < level_target < 1.0
        and 0.0 <= target < math.inf
        and 0.0 < cap <= 1.0
    )
    if not valid:
        return None
    blocking = 1.0
    n = 0
    while True:
        n += 1
        blocking = a * blocking / (n + a * blocking)
        spare = n - a
        if spare <= 0:
            continue
        denominator = spare + a * blocking
        waiting = n * blocking / denominator
        never_waits = spare * (1.0 - blocking) / denominator
        level = min(max(never_waits + waiting * -math.expm1(-spare * target / aht), 0.0), 1.0)
        if level >= level_target:
            break
    return max(n, _occupancy_floor_scalar(a, cap))


def _occupancy_floor_scalar(traffic: float, max_occupancy: float) -> int:
    """``_occupancy_floor`` for one value, with the same floating-point checks."""
    agents = math.ceil(traffic / max_occupancy)
    if traffic / agents > max_occupancy:
        agents += 1
    lower = agents - 1
    if lower > 0 and traffic / lower <= max_occupancy:
        agents = lower
    return agents
