"""Forecasting methods on a :class:`~tierdesk.workforce.forecast_layout.DayPanel`.

Every method has the same signature, ``method(panel, targets, target_keys,
settings) -> array (n_targets, n_slots)`` of expected arrivals (calls per
interval) for each target day, from the panel's data only. Two families:

* baselines working interval by interval (seasonal naive, historical average and
  median, the average scaled by the last day's level), as published for call
  centres (e.g. Weinberg, Brown & Stroud 2007);
* day-level models (a weekday × level model with partial adjustment, and
  Holt-Winters exponential smoothing from statsmodels) for the daily total, spread
  over the day with a recent intraday profile of the weekday.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast_layout import (
    AFTER_CLOSURE,
    BoolArray,
    DayPanel,
    FloatArray,
    IntArray,
    month_position_keys,
)

Keys = Sequence[tuple[str, ...]]


@dataclass(frozen=True)
class ModelSettings:
    """Tuning of the methods (defaults tuned on bank data before its test window).

    Attributes
    ----------
    average_weeks : int
        Same weekdays averaged by the historical-average baselines (days).
    profile_weeks : int
        Same weekdays used for the intraday profile.
    profile_decay : float
        Weight ratio between a week and the one after it in the profile.
    weekday_weeks : int
        Weeks used to estimate the weekday factors of the daily total.
    level_days : int
        Open days whose adjusted totals give the level of ``day_profile`` (their
        median, so that one busy or quiet day does not move a week-ahead forecast).
    level_smoothing : float
        Smoothing constant of the Holt level whose trend ``day_profile`` uses.
    trend_smoothing : float
        Smoothing constant of that trend (per open day).
    trend_damping : float
        Damping of the trend per open day ahead.
    deviation_persistence : float
        Share of the last day's deviation from the level kept per open day ahead.
    month_effects : bool
        Learn effects of the first open days and the last open day of the month.
    month_min_count : int
        Occurrences of a month position needed before its effect is used.
    yearly_min_days : int
        History length from which a yearly season is estimated (calendar days).
    """

    average_weeks: int = 8
    profile_weeks: int = 12
    profile_decay: float = 0.9
    weekday_weeks: int = 20
    level_days: int = 25
    level_smoothing: float = 0.1
    trend_smoothing: float = 0.01
    trend_damping: float = 0.95
    deviation_persistence: float = 0.5
    month_effects: bool = True
    month_min_count: int = 3
    yearly_min_days: int = 700


Method = Callable[[DayPanel, pd.DatetimeIndex, Keys, ModelSettings], FloatArray]


def _same_weekday_rows(panel: DayPanel, weekday: int, regular_only: bool = False) -> IntArray:
    mask = panel.regular if regular_only else panel.present
    rows: IntArray = np.flatnonzero(mask & (panel.weekday == weekday)).astype(np.int64)
    if len(rows) == 0 and regular_only:
        return _same_weekday_rows(panel, weekday)
    if len(rows) == 0:
        rows = np.flatnonzero(panel.present).astype(np.int64)
    if len(rows) == 0:
        raise ValueError("no data before the forecast origin")
    return rows


def seasonal_naive(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> FloatArray:
    """Each interval as on the last day of the same weekday (same weekday last week)."""
    return np.array([panel.values[_same_weekday_rows(panel, t.day_of_week)[-1]] for t in targets])


def historical_average(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> FloatArray:
    """Each interval as the mean of the last ``average_weeks`` same weekdays."""
    weeks = settings.average_weeks
    return np.array(
        [
            panel.values[_same_weekday_rows(panel, t.day_of_week)[-weeks:]].mean(axis=0)
            for t in targets
        ]
    )


def historical_median(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> FloatArray:
    """Each interval as the median of the last ``average_weeks`` same weekdays."""
    weeks = settings.average_weeks
    return np.array(
        [
            np.median(panel.values[_same_weekday_rows(panel, t.day_of_week)[-weeks:]], axis=0)
            for t in targets
        ]
    )


def scaled_average(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> FloatArray:
    """Historical average scaled by the level of the last day with data.

    The level is that day's total over the mean total of the ``average_weeks``
    same weekdays before it ("scaled by yesterday's level" for day-ahead).
    """
    average = historical_average(panel, targets, keys, settings)
    last = int(np.flatnonzero(panel.present)[-1])
    earlier = panel.before(panel.dates[last])
    if not earlier.present.any():
        return average
    rows = _same_weekday_rows(earlier, int(panel.weekday[last]))[-settings.average_weeks :]
    reference = float(earlier.values[rows].sum(axis=1).mean())
    level = float(panel.values[last].sum()) / reference if reference > 0 else 1.0
    result: FloatArray = average * level
    return result


def intraday_profile(panel: DayPanel, weekday: int, settings: ModelSettings) -> FloatArray:
    """Share of the day's arrivals in each slot for a weekday (sums to 1 on open slots).

    Recency-weighted mean of the shares on the last ``profile_weeks`` regular days
    of the weekday, shrunk towards the all-weekday profile when few days exist.
    """
    open_slots = panel.layout.open_slots[weekday]
    if not panel.present.any():
        return np.where(open_slots, 1.0 / max(1, int(open_slots.sum())), 0.0)
    same = _same_weekday_rows(panel, weekday, regular_only=True)[-settings.profile_weeks :]
    every = np.flatnonzero(panel.present)[-settings.profile_weeks * 5 :]
    own = _weighted_shares(panel, same, open_slots, settings.profile_decay)
    pooled = _weighted_shares(panel, every, open_slots, settings.profile_decay ** (1 / 5))
    weight = len(same) / (len(same) + 1.0)
    profile = weight * own + (1 - weight) * pooled
    total = profile.sum()
    result: FloatArray = profile / total if total > 0 else open_slots / open_slots.sum()
    return result


def _weighted_shares(
    panel: DayPanel, rows: IntArray, open_slots: FloatArray, decay: float
) -> FloatArray:
    values = panel.values[rows] * open_slots
    totals = values.sum(axis=1, keepdims=True)
    shares = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
    weights = decay ** np.arange(len(rows))[::-1]
    result: FloatArray = (shares * weights[:, None]).sum(axis=0) / weights.sum()
    return result


@dataclass(frozen=True)
class DayEffects:
    """Multiplicative components of daily totals learned from history.

    Attributes
    ----------
    weekday : numpy.ndarray
        Factor per weekday (7,), mean 1 over open weekdays.
    yearly_coefficients : numpy.ndarray
        Fourier coefficients of the log yearly season (empty: no yearly season).
    calendar : dict
        Effect key (holiday, special day, after closure) → factor.
    month : dict
        Month-position key (see ``forecast_layout.month_position_keys``) → factor;
        empty when month effects are off or not seen often enough.
    open_weekdays : numpy.ndarray
        Boolean (7,): the opening pattern that month positions are counted on.
    """

    weekday: FloatArray
    yearly_coefficients: FloatArray
    calendar: dict[str, float]
    month: dict[str, float] = field(default_factory=dict)
    open_weekdays: BoolArray = field(default_factory=lambda: np.ones(7, dtype=bool))

    def factor(self, dates: pd.DatetimeIndex, keys: Keys) -> FloatArray:
        """Product of all components for each date."""
        weekday = self.weekday[np.asarray(dates.day_of_week)]
        yearly = np.exp(
            _fourier(dates, len(self.yearly_coefficients) // 2) @ self.yearly_coefficients
        )
        special = np.array([np.prod([self.calendar.get(k, 1.0) for k in ks]) for ks in keys])
        result: FloatArray = weekday * yearly * special
        if self.month:
            positions = month_position_keys(dates, self.open_weekdays)
            result = result * np.array(
                [np.prod([self.month.get(k, 1.0) for k in ks]) for ks in positions]
            )
        return result


def _fourier(dates: pd.DatetimeIndex, harmonics: int) -> FloatArray:
    phase = 2 * np.pi * np.asarray(dates.day_of_year, dtype=float) / 365.25
    columns = [f(k * phase) for k in range(1, harmonics + 1) for f in (np.sin, np.cos)]
    return np.column_stack(columns) if columns else np.zeros((len(dates), 0))


def _local_level(values: FloatArray, mask: BoolArray, window: int) -> FloatArray:
    series = pd.Series(np.where(mask, values, np.nan))
    level = series.rolling(window, center=True, min_periods=1).median()
    return np.asarray(level.ffill().bfill().to_numpy(), dtype=float)


def learn_day_effects(panel: DayPanel, settings: ModelSettings) -> DayEffects:
    """Weekday factors, yearly season, calendar and month-position effects of daily totals.

    Factors are ratios to a local median level. The weekday factor is the median
    ratio of the recent regular days (a holiday week or a month-end rush that the
    calendar does not name must not shift a whole weekday); named effects are
    geometric means shrunk towards 1 when seen only a few times.
    """
    totals = np.where(panel.present, panel.totals, np.nan)
    months = (
        month_position_keys(panel.dates, panel.layout.open_weekdays)
        if settings.month_effects
        else tuple(() for _ in panel.dates)
    )
    plain = np.array([len(k) == 0 for k in months], dtype=bool)
    regular = panel.regular & plain & (totals > 0)
    days_per_week = panel.layout.days_per_week
    level = _local_level(totals, regular, days_per_week)
    ratio = totals / level
    recent = np.asarray(panel.dates >= panel.dates[-1] - pd.Timedelta(weeks=settings.weekday_weeks))
    weekday = np.ones(7)
    for w in np.flatnonzero(panel.layout.open_weekdays):
        rows = regular & (panel.weekday == w)
        if (rows & recent).sum() >= 2:
            rows &= recent
        if rows.any():
            weekday[w] = float(np.exp(np.median(np.log(ratio[rows]))))
    open_mean = weekday[panel.layout.open_weekdays].mean()
    weekday = weekday / open_mean
    deseasonalised = totals / weekday[panel.weekday]
    coefficients = _yearly_coefficients(panel, deseasonalised, regular, settings)
    yearly = np.exp(_fourier(panel.dates, len(coefficients) // 2) @ coefficients)
    adjusted = deseasonalised / yearly
    level = _local_level(adjusted, regular, 2 * days_per_week + 1)
    usable = panel.present & (totals > 0)
    calendar = _shrunk_effects(adjusted / level, usable, panel.keys, 1)
    month = _shrunk_effects(adjusted / level, usable, months, settings.month_min_count)
    return DayEffects(
        weekday=weekday,
        yearly_coefficients=coefficients,
        calendar=calendar,
        month=month,
        open_weekdays=panel.layout.open_weekdays,
    )


def _shrunk_effects(
    ratio: FloatArray, usable: BoolArray, keys: Keys, min_count: int
) -> dict[str, float]:
    """Geometric-mean effect per key, shrunk towards "no effect" when seen rarely."""
    logs: dict[str, list[float]] = {}
    for row in np.flatnonzero(usable).tolist():
        for key in keys[row]:
            logs.setdefault(key, []).append(float(np.log(ratio[row])))
    return {
        key: float(np.exp(np.sum(values) / (len(values) + 0.5)))
        for key, values in logs.items()
        if len(values) >= min_count
    }


def _yearly_coefficients(
    panel: DayPanel, deseasonalised: FloatArray, regular: BoolArray, settings: ModelSettings
) -> FloatArray:
    span = (panel.dates[-1] - panel.dates[0]).days if len(panel.dates) else 0
    if span < settings.yearly_min_days or regular.sum() < 200:
        return np.zeros(0)
    log_values = pd.Series(np.log(np.where(regular, deseasonalised, np.nan)), index=panel.dates)
    # A centred one-year mean removes level and trend but keeps the season.
    baseline = log_values.rolling("365D", center=True, min_periods=100).mean()
    residual = (log_values - baseline).to_numpy()
    usable = np.isfinite(residual)
    design = _fourier(panel.dates[usable], 3)
    coefficients, *_ = np.linalg.lstsq(design, residual[usable], rcond=None)
    return np.asarray(coefficients, dtype=float)


def _steps_ahead(panel: DayPanel, targets: pd.DatetimeIndex) -> IntArray:
    """Open weekdays from the last panel day to each target (1 = the next one)."""
    last = panel.dates[-1]
    steps = []
    for target in targets:
        between = pd.date_range(last + pd.Timedelta(days=1), target, freq="D")
        steps.append(int(panel.layout.open_weekdays[np.asarray(between.day_of_week)].sum()))
    return np.maximum(np.asarray(steps, dtype=np.int64), 1)


def _spread(
    panel: DayPanel, targets: pd.DatetimeIndex, totals: FloatArray, settings: ModelSettings
) -> FloatArray:
    profiles = {w: intraday_profile(panel, w, settings) for w in set(targets.day_of_week)}
    return np.array(
        [total * profiles[t.day_of_week] for t, total in zip(targets, totals, strict=True)]
    )


def day_profile(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> FloatArray:
    """Daily total from weekday × calendar × month × yearly factors and a robust level.

    The daily totals are divided by their factors ("adjusted"). The level is the
    median of the last ``level_days`` adjusted totals, each first moved forward by
    the damped Holt trend to the last day; the trend is extrapolated, and the last
    day's deviation from the level decays by ``deviation_persistence`` per open
    day ahead (partial adjustment: yesterday matters for tomorrow, hardly for next
    week). The total is spread with :func:`intraday_profile`.
    """
    effects = learn_day_effects(panel, settings)
    present = panel.present & (panel.totals > 0)
    adjusted = panel.totals[present] / effects.factor(
        panel.dates[present], [panel.keys[i] for i in np.flatnonzero(present)]
    )
    if len(adjusted) == 0:
        raise ValueError("no data before the forecast origin")
    adjusted = _screened(adjusted, settings.level_days)
    trend = _holt_trend(adjusted, settings, panel.layout.days_per_week)
    damping = settings.trend_damping
    recent = adjusted[-settings.level_days :]
    age = np.arange(len(recent))[::-1]
    level = float(np.median(recent + trend * _damped_sum(damping, age)))
    deviation = float(adjusted[-1] - level)
    steps = _steps_ahead(panel, targets)
    adjusted_forecast = (
        level
        + trend * _damped_sum(damping, steps)
        + settings.deviation_persistence**steps * deviation
    )
    totals = np.maximum(adjusted_forecast, 0.0) * effects.factor(targets, keys)
    return _spread(panel, targets, totals, settings)


#: Adjusted daily totals further than this many robust standard deviations from the
#: median of their recent window are pulled back to that distance before the trend
#: and the last day's deviation are taken from them.
SCREEN_SIGMAS = 3.0


def _screened(adjusted: FloatArray, window: int) -> FloatArray:
    """Adjusted totals with outlying days clipped (a one-off spike, a half-day outage).

    Each day is compared with the median of the ``window`` days up to it; the
    spread is the median absolute deviation × 1.4826. Clipping rather than dropping
    keeps the direction of a real level shift, so the level still follows it.
    """
    series = pd.Series(adjusted)
    centre = series.rolling(window, min_periods=1).median()
    spread = (series - centre).abs().rolling(window, min_periods=1).median() * 1.4826
    limit = SCREEN_SIGMAS * np.maximum(spread.to_numpy(), 1e-9)
    lower, upper = centre.to_numpy() - limit, centre.to_numpy() + limit
    result: FloatArray = np.clip(adjusted, lower, upper)
    return result


def _damped_sum(damping: float, steps: IntArray) -> FloatArray:
    """Sum of damping**k for k = 1..steps (the damped trend's multiplier)."""
    ahead: FloatArray = np.asarray(steps, dtype=np.float64)
    if abs(1.0 - damping) < 1e-12:
        return ahead
    result: FloatArray = np.asarray(
        damping * (1.0 - damping**ahead) / (1.0 - damping), dtype=np.float64
    )
    return result


def _holt_trend(adjusted: FloatArray, settings: ModelSettings, period: int) -> float:
    """Final trend (calls per day per open day) of a damped Holt filter on adjusted totals."""
    alpha, beta, damping = (
        settings.level_smoothing,
        settings.trend_smoothing,
        settings.trend_damping,
    )
    level, trend = float(np.mean(adjusted[:period])), 0.0
    for value in adjusted:
        previous = level
        level = previous + damping * trend + alpha * (value - previous - damping * trend)
        trend = damping * trend + beta * (level - previous - damping * trend)
    return trend


def ets(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> FloatArray:
    """Holt-Winters (additive damped trend, multiplicative weekly season) on daily totals.

    Fitted by statsmodels on the daily totals of the open days, adjusted for the
    calendar and yearly effects (closed days filled from the weekday factors),
    then spread with :func:`intraday_profile`.
    """
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    effects = learn_day_effects(panel, settings)
    calendar_only = DayEffects(
        np.ones(7),
        effects.yearly_coefficients,
        effects.calendar,
        effects.month,
        effects.open_weekdays,
    )
    factor = calendar_only.factor(panel.dates, panel.keys)
    adjusted = panel.totals / factor
    filled = np.where(panel.present & (adjusted > 0), adjusted, np.nan)
    fill = pd.Series(filled).rolling(15, min_periods=1, center=True).mean().to_numpy()
    fill = fill * effects.weekday[panel.weekday]
    # A year is enough for a weekly season and keeps the fit fast.
    series = np.where(np.isnan(filled), fill, filled)[-366:]
    series = np.maximum(np.nan_to_num(series, nan=1.0), 1e-3)
    period = panel.layout.days_per_week
    steps = _steps_ahead(panel, targets)
    seasonal = "mul" if period > 1 and len(series) >= 2 * period + 2 else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = ExponentialSmoothing(
            series,
            trend="add" if len(series) >= 10 else None,
            damped_trend=len(series) >= 10,
            seasonal=seasonal,
            seasonal_periods=period if seasonal else None,
            initialization_method="estimated" if len(series) >= 10 else "heuristic",
        ).fit(use_brute=False)
        path = np.asarray(model.forecast(int(steps.max())), dtype=float)
    totals = np.maximum(path[steps - 1], 0.0) * calendar_only.factor(targets, keys)
    return _spread(panel, targets, totals, settings)


#: Methods by name; the first four are the candidates of ``method="auto"``.
METHODS: dict[str, Method] = {
    "seasonal_naive": seasonal_naive,
    "historical_average": historical_average,
    "ets": ets,
    "day_profile": day_profile,
    "historical_median": historical_median,
    "scaled_average": scaled_average,
}
AUTO_CANDIDATES: tuple[str, ...] = ("seasonal_naive", "historical_average", "ets", "day_profile")
BASELINES: frozenset[str] = frozenset(
    {"seasonal_naive", "historical_average", "historical_median", "scaled_average"}
)
__all__ = ["AFTER_CLOSURE", "AUTO_CANDIDATES", "BASELINES", "METHODS", "ModelSettings"]
