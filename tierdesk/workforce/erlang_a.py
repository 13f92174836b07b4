"""Erlang A (M/M/n+M, Palm 1943): the Erlang C queue with impatient callers.

Calls arrive as a Poisson stream, handling times are exponential with mean
``aht_seconds``, and every waiting caller hangs up after an exponential patience
with mean ``patience_seconds`` (Garnett, Mandelbaum & Reiman 2002). Unlike
Erlang C the queue is stable at any staffing, so ``agents <= traffic`` is allowed.

Formulas
--------
With ``x = n * patience / aht`` and ``y = traffic * patience / aht`` (the agents'
service rate and the arrival rate in units of the abandonment rate), Mandelbaum
& Zeltyn ("The M/M/n+G queue: summary of performance measures", 2005/2009) write
everything with ``A(x, y) = x e^y y^-x gamma(x, y)`` and the Erlang B value
``E = B(traffic, n)``:

* ``P(wait > 0) = A E / (1 - E + A E)``
* ``P(abandon) = E (A - S(inf)) / (1 - E + A E)`` with ``S(inf) = x (A - 1) / y``
* served within ``t``: ``(1 - E + E S(t)) / (1 - E + A E)`` where
  ``S(t) = x e^y y^-(x+1) [gamma(x+1, y) - gamma(x+1, y e^{-t/patience})]``.

``S(t)`` follows from the offered wait of a caller finding ``j`` others queued
being a sum of exponentials with rates ``(x + m)/patience``, ``m = 0..j``, which is
an order statistic of exponentials (a regularised incomplete beta), summed over
the stationary queue lengths. Everything is evaluated with regularised gamma
functions and logarithms, so nothing overflows at thousands of agents.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from scipy import special

from tierdesk.workforce.erlang import (
    ArrayLike,
    FloatArray,
    IntArray,
    _agents_array,
    _deviance_term,
    _erlang_b_array,
    _finish,
    _float_array,
    _is_scalar,
    _positive_array,
    _stirling_error,
    _traffic_array,
)

__all__ = [
    "abandonment_probability",
    "average_speed_of_answer",
    "required_agents",
    "service_level",
]

_SERIES_START = 16.0
_SMALLEST_SAFE = 1e-280
_TOLERANCE = 1e-17
_TINY = 1e-300
_MAX_TERMS = 100_000


def _log_scaled_poisson(x: FloatArray, y: FloatArray) -> FloatArray:
    """``log(y^x e^-y / Gamma(x + 1))`` for real x > 0, y > 0, without cancellation."""
    large = x >= _SERIES_START
    safe_x = np.where(large, x, _SERIES_START)
    saddle = (
        -_stirling_error(safe_x) - _deviance_term(safe_x, y) - 0.5 * np.log(2.0 * math.pi * safe_x)
    )
    direct = x * np.log(y) - y - special.gammaln(x + 1.0)
    result: FloatArray = np.where(large, saddle, direct)
    return result


def _lower_series(shape: FloatArray, z: FloatArray) -> FloatArray:
    """``P(shape, z) / f(shape; z) = sum_k z^k / ((shape+1)...(shape+k))`` for z < shape."""
    total = np.ones_like(z)
    term = np.ones_like(z)
    active = np.arange(z.size)
    k = 0
    while active.size and k < _MAX_TERMS:
        k += 1
        term[active] *= z[active] / (shape[active] + k)
        total[active] += term[active]
        active = active[term[active] > _TOLERANCE * total[active]]
    return total


def _upper_fraction(shape: FloatArray, z: FloatArray) -> FloatArray:
    """``Q(shape, z) / f(shape; z)`` by Lentz's continued fraction for z > shape + 1."""
    b = z + 1.0 - shape
    c = np.full_like(z, 1.0 / _TINY)
    d = 1.0 / b
    fraction = d.copy()
    active = np.arange(z.size)
    i = 0
    while active.size and i < _MAX_TERMS:
        i += 1
        coefficient = -i * (i - shape[active])
        b[active] += 2.0
        d_next = coefficient * d[active] + b[active]
        d_next = np.where(np.abs(d_next) < _TINY, _TINY, d_next)
        c_next = b[active] + coefficient / c[active]
        c_next = np.where(np.abs(c_next) < _TINY, _TINY, c_next)
        d[active] = 1.0 / d_next
        c[active] = c_next
        step = d[active] * c_next
        fraction[active] *= step
        active = active[np.abs(step - 1.0) > _TOLERANCE]
    result: FloatArray = shape * fraction
    return result


def _log_scaled_lower(shape: FloatArray, z: FloatArray, log_poisson: FloatArray) -> FloatArray:
    """``log(P(shape, z) / f(shape; z))``; the series takes over where P underflows."""
    lower = special.gammainc(shape, z)
    with np.errstate(divide="ignore"):
        result: FloatArray = np.log(lower) - log_poisson
    tiny = np.flatnonzero(lower < _SMALLEST_SAFE)
    if tiny.size:
        result[tiny] = np.log(_lower_series(shape[tiny], z[tiny]))
    return result


def _log_scaled_upper(shape: FloatArray, z: FloatArray, log_poisson: FloatArray) -> FloatArray:
    """``log(Q(shape, z) / f(shape; z))``; the continued fraction takes over where Q underflows."""
    upper = special.gammaincc(shape, z)
    with np.errstate(divide="ignore"):
        result: FloatArray = np.log(upper) - log_poisson
    tiny = np.flatnonzero(upper < _SMALLEST_SAFE)
    if tiny.size:
        result[tiny] = np.log(_upper_fraction(shape[tiny], z[tiny]))
    return result


def _log_difference(larger: FloatArray, smaller: FloatArray) -> FloatArray:
    """``log(exp(larger) - exp(smaller))`` for larger >= smaller (mathematically)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.minimum(smaller - larger, 0.0)
        result: FloatArray = larger + np.log(-np.expm1(gap))
    return result


class _Parts:
    """Log-scale building blocks shared by the Erlang A measures (1-D arrays, n >= 1)."""

    def __init__(
        self, traffic: FloatArray, agents: FloatArray, aht: FloatArray, patience: FloatArray
    ) -> None:
        ratio = patience / aht
        self.x = agents * ratio
        self.y = traffic * ratio
        self.patience = patience
        blocking = _erlang_b_array(traffic, agents)
        with np.errstate(divide="ignore"):
            self.log_blocking = np.log(blocking)
            self.log_free = np.log1p(-blocking)
        log_poisson = _log_scaled_poisson(self.x, self.y)
        self.log_a_times_b = self.log_blocking + _log_scaled_lower(self.x, self.y, log_poisson)
        self.log_denominator = np.logaddexp(self.log_free, self.log_a_times_b)

    def served_within(self, target_seconds: FloatArray) -> FloatArray:
        x, y = self.x, self.y
        shape = x + 1.0
        scaled_target = target_seconds / self.patience
        z = y * np.exp(-scaled_target)
        # A target far beyond the patience makes z underflow: then nobody is still
        # waiting at the target and the z-terms vanish (log weight -inf).
        vanished = z <= 0
        z = np.where(vanished, 1.0, z)
        # log f(x+1; z) - log f(x+1; y): the Poisson weights at the two gamma arguments.
        log_weight = np.where(
            vanished, -np.inf, -shape * scaled_target - y * np.expm1(-scaled_target)
        )
        log_f_y = _log_scaled_poisson(shape, y)
        log_f_z = _log_scaled_poisson(shape, z)
        upper = z > shape
        # S(t) (x+1)/x = [P(x+1, y) - P(x+1, z)] / f(x+1; y), from the small tail.
        log_gap = np.where(
            upper,
            _log_difference(
                log_weight + _log_scaled_upper(shape, z, log_f_z),
                _log_scaled_upper(shape, y, log_f_y),
            ),
            _log_difference(
                _log_scaled_lower(shape, y, log_f_y),
                log_weight + _log_scaled_lower(shape, z, log_f_z),
            ),
        )
        log_s_times_b = self.log_blocking + np.log(x / shape) + log_gap
        level = np.exp(np.logaddexp(self.log_free, log_s_times_b) - self.log_denominator)
        result: FloatArray = np.clip(level, 0.0, 1.0)
        return result

    def abandonment(self) -> FloatArray:
        a_times_b = np.exp(self.log_a_times_b - self.log_denominator)
        blocking_share = np.exp(self.log_blocking - self.log_denominator)
        # E (A - x (A - 1) / y) / D = (1 - x/y) A E / D + (x/y) E / D
        ratio = self.x / self.y
        result: FloatArray = np.clip((1.0 - ratio) * a_times_b + ratio * blocking_share, 0.0, 1.0)
        return result


def _prepare(
    traffic: ArrayLike,
    agents: ArrayLike,
    aht_seconds: ArrayLike,
    patience_seconds: ArrayLike,
    *extra: FloatArray,
) -> tuple[tuple[int, ...], list[FloatArray]]:
    arrays = np.broadcast_arrays(
        _traffic_array(traffic),
        _agents_array(agents),
        _positive_array("aht_seconds", aht_seconds),
        _positive_array("patience_seconds", patience_seconds),
        *extra,
    )
    return arrays[0].shape, [array.ravel() for array in arrays]


def service_level(
    traffic: ArrayLike,
    agents: ArrayLike,
    aht_seconds: ArrayLike,
    patience_seconds: ArrayLike,
    target_seconds: ArrayLike,
) -> float | FloatArray:
    """Fraction of all offered calls answered within ``target_seconds`` (Erlang A).

    Definition: calls answered after waiting at most ``target_seconds``, divided
    by all offered calls. Callers who abandon count against the service level,
    whenever they hang up (even before the target).

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents, whole numbers >= 0.
    aht_seconds : float or array_like
        Average handling time in seconds (> 0).
    patience_seconds : float or array_like
        Mean (exponential) patience of a waiting caller, in seconds (> 0).
    target_seconds : float or array_like
        Answer-time target in seconds (>= 0).

    Returns
    -------
    float or ndarray
        Service level in [0, 1]; 1 for zero traffic, 0 with no agents.
    """
    scalar = _is_scalar(traffic, agents, aht_seconds, patience_seconds, target_seconds)
    target_array = _positive_array("target_seconds", target_seconds, allow_zero=True)
    shape, (a, n, aht, patience, target) = _prepare(
        traffic, agents, aht_seconds, patience_seconds, target_array
    )
    level = np.where(a == 0, 1.0, 0.0)
    busy = np.flatnonzero((a > 0) & (n > 0))
    if busy.size:
        parts = _Parts(a[busy], n[busy], aht[busy], patience[busy])
        level[busy] = parts.served_within(target[busy])
    return _finish(level.reshape(shape), scalar)


def abandonment_probability(
    traffic: ArrayLike, agents: ArrayLike, aht_seconds: ArrayLike, patience_seconds: ArrayLike
) -> float | FloatArray:
    """Probability that an offered call hangs up before being answered (Erlang A).

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents, whole numbers >= 0.
    aht_seconds : float or array_like
        Average handling time in seconds (> 0).
    patience_seconds : float or array_like
        Mean (exponential) patience in seconds (> 0).

    Returns
    -------
    float or ndarray
        Probability in [0, 1]; 0 for zero traffic, 1 with no agents.
    """
    scalar = _is_scalar(traffic, agents, aht_seconds, patience_seconds)
    shape, (a, n, aht, patience) = _prepare(traffic, agents, aht_seconds, patience_seconds)
    result = np.where((a > 0) & (n == 0), 1.0, 0.0)
    busy = np.flatnonzero((a > 0) & (n > 0))
    if busy.size:
        result[busy] = _Parts(a[busy], n[busy], aht[busy], patience[busy]).abandonment()
    return _finish(result.reshape(shape), scalar)


def average_speed_of_answer(
    traffic: ArrayLike, agents: ArrayLike, aht_seconds: ArrayLike, patience_seconds: ArrayLike
) -> float | FloatArray:
    """Mean time offered calls spend waiting (Erlang A), in seconds.

    This is the mean wait of all offered calls: answered calls until they are
    answered, abandoning calls until they hang up. With exponential patience it
    equals ``P(abandon) * patience_seconds`` (the abandonment rate is the queue
    length over the mean patience, Little's law). It is finite at any staffing.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    agents : int or array_like
        Number of agents, whole numbers >= 0.
    aht_seconds : float or array_like
        Average handling time in seconds (> 0).
    patience_seconds : float or array_like
        Mean (exponential) patience in seconds (> 0).

    Returns
    -------
    float or ndarray
        Seconds (>= 0).
    """
    probability = abandonment_probability(traffic, agents, aht_seconds, patience_seconds)
    scalar = _is_scalar(traffic, agents, aht_seconds, patience_seconds)
    seconds = np.asarray(probability) * np.asarray(patience_seconds, dtype=np.float64)
    return _finish(np.asarray(seconds, dtype=np.float64), scalar)


def required_agents(
    traffic: ArrayLike,
    aht_seconds: ArrayLike,
    patience_seconds: ArrayLike,
    target_level: ArrayLike,
    target_seconds: ArrayLike,
) -> int | IntArray:
    """Fewest agents whose Erlang A service level meets the target.

    Parameters
    ----------
    traffic : float or array_like
        Offered load in Erlangs (>= 0).
    aht_seconds : float or array_like
        Average handling time in seconds (> 0).
    patience_seconds : float or array_like
        Mean (exponential) patience in seconds (> 0).
    target_level : float or array_like
        Required fraction of offered calls answered within ``target_seconds``, in (0, 1).
    target_seconds : float or array_like
        Answer-time target in seconds (>= 0).

    Returns
    -------
    int or ndarray of int64
        Minimal n with ``service_level(traffic, n, ...) >= target_level`` (the
        service level increases with n); 0 for zero traffic.

    Notes
    -----
    Doubling from ``ceil(traffic)`` brackets the answer, then a vectorised
    bisection on the monotone service level finds it in ``log2`` steps.
    """
    scalar = _is_scalar(traffic, aht_seconds, patience_seconds, target_level, target_seconds)
    level_array = _float_array("target_level", target_level)
    if ((level_array <= 0) | (level_array >= 1)).any():
        raise ValueError("target_level must be strictly between 0 and 1")
    target_array = _positive_array("target_seconds", target_seconds, allow_zero=True)
    shape, (a, _, aht, patience, level, target) = _prepare(
        traffic, 0, aht_seconds, patience_seconds, level_array, target_array
    )
    answer = np.zeros(a.size)
    busy = np.flatnonzero(a > 0)
    a, aht, patience, level, target = (v[busy] for v in (a, aht, patience, level, target))

    def meets(agents: FloatArray, index: IntArray) -> npt.NDArray[np.bool_]:
        parts = _Parts(a[index], agents, aht[index], patience[index])
        result: npt.NDArray[np.bool_] = parts.served_within(target[index]) >= level[index]
        return result

    high = np.maximum(np.ceil(a), 1.0)
    low = np.zeros_like(a)
    pending = np.arange(a.size)
    while pending.size:
        ok = meets(high[pending], pending)
        failed = pending[~ok]
        low[failed] = high[failed]
        high[failed] *= 2.0
        pending = failed
    # Invariant: service level fails at low (or low == 0) and meets the target at high.
    pending = np.flatnonzero(high - low > 1)
    while pending.size:
        middle = np.floor((low[pending] + high[pending]) / 2)
        ok = meets(middle, pending)
        high[pending[ok]] = middle[ok]
        low[pending[~ok]] = middle[~ok]
        pending = pending[high[pending] - low[pending] > 1]
    answer[busy] = high
    return _finish(answer.astype(np.int64).reshape(shape), scalar)
