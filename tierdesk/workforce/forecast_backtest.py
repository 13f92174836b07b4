"""Rolling-origin back-tests and negative-binomial prediction intervals.

An origin is a midnight: the forecast made there uses only the days before it.
The lead of a target day is the number of calendar days from the origin to the
end of the target day: 1 is day-ahead (forecast the evening before), 8 is a
forecast made one week before the target day starts (week-ahead).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from tierdesk.workforce.forecast_blend import ALL_METHODS, BLEND_MEMBERS
from tierdesk.workforce.forecast_layout import (
    DayCalendar,
    DayPanel,
    FloatArray,
    future_dates,
)
from tierdesk.workforce.forecast_models import ModelSettings


@dataclass(frozen=True)
class LeadAccuracy:
    """Accuracy of the forecasts made a given number of days ahead.

    Attributes
    ----------
    lead_days : int
        Calendar days from the origin to the end of the target day (1 = day-ahead).
    n_days : int
        Target days scored.
    mape : float
        Mean absolute percentage error per interval (percent; zero actuals skipped).
    wape : float
        Sum of absolute errors over sum of actuals, per interval (percent).
    mase : float
        Mean absolute error over the in-sample error of the seasonal naive forecast.
    daily_mape : float
        MAPE of the daily totals (percent).
    coverage : float
        Share of actuals inside the prediction interval (NaN: not estimable yet).
    poisson_mape, poisson_daily_mape : float
        Noise floor (percent): the expected MAPE per interval and of the daily
        totals of a forecast that knew the true intensity, if arrivals are Poisson
        with the observed volumes. No method can go far below it on average.
    """

    lead_days: int
    n_days: int
    mape: float
    wape: float
    mase: float
    daily_mape: float
    coverage: float
    poisson_mape: float = float("nan")
    poisson_daily_mape: float = float("nan")


@dataclass(frozen=True)
class BacktestResult:
    """Rolling-origin back-test of one method.

    Attributes
    ----------
    method : str
        Name of the method.
    level : float
        Nominal coverage of the prediction intervals (e.g. 0.9).
    leads : tuple of LeadAccuracy
        Accuracy per lead, increasing.
    dispersion : tuple of float
        Negative-binomial dispersion per lead (variance = mean + dispersion × mean²),
        estimated from all back-test errors; used for the final forecast's intervals.
    forecasts : pandas.DataFrame
        One row per scored interval: ``origin``, ``timestamp``, ``lead_days``,
        ``actual``, ``mean``, ``lower``, ``upper`` (calls per interval).
    """

    method: str
    level: float
    leads: tuple[LeadAccuracy, ...]
    dispersion: tuple[float, ...]
    forecasts: pd.DataFrame

    def at_lead(self, lead_days: int) -> LeadAccuracy:
        """Accuracy at one lead (raises KeyError when the lead was not scored)."""
        for row in self.leads:
            if row.lead_days == lead_days:
                return row
        raise KeyError(lead_days)

    @property
    def wape(self) -> float:
        """WAPE over all leads (percent), the criterion of ``method="auto"``."""
        frame = self.forecasts
        total = float(frame["actual"].sum())
        error = float((frame["actual"] - frame["mean"]).abs().sum())
        return 100.0 * error / total if total > 0 else float("inf")

    def dispersion_at(self, lead_days: int) -> float:
        """Dispersion for a lead (the longest lead's beyond the back-tested ones)."""
        if not self.dispersion:
            return 0.0
        position = min(max(lead_days, 1), len(self.dispersion)) - 1
        return self.dispersion[position]


def nb_interval(mean: FloatArray, dispersion: float, level: float) -> tuple[FloatArray, FloatArray]:
    """Central prediction interval of a negative binomial with the given mean.

    Parameters
    ----------
    mean : numpy.ndarray
        Expected arrivals (calls per interval), non-negative.
    dispersion : float
        Variance = mean + dispersion × mean² (0: Poisson).
    level : float
        Nominal coverage, in (0, 1).
    """
    tail = (1.0 - level) / 2.0
    mean = np.maximum(np.asarray(mean, dtype=float), 0.0)
    if dispersion <= 1e-9:
        lower = stats.poisson.ppf(tail, mean)
        upper = stats.poisson.ppf(1.0 - tail, mean)
    else:
        size = 1.0 / dispersion
        probability = size / (size + np.maximum(mean, 1e-12))
        lower = stats.nbinom.ppf(tail, size, probability)
        upper = stats.nbinom.ppf(1.0 - tail, size, probability)
    lower = np.where(mean > 0, np.nan_to_num(lower), 0.0)
    upper = np.where(mean > 0, np.nan_to_num(upper), 0.0)
    return np.maximum(lower, 0.0), np.maximum(upper, 0.0)


def poisson_relative_deviation(volume: FloatArray) -> FloatArray:
    """Expected |X - λ| / λ of a Poisson count X with mean λ (the MAPE of a perfect forecast).

    Uses the exact mean absolute deviation of the Poisson law, 2 λ P(X = ⌊λ⌋).
    Volumes are in calls per interval; 0 gives NaN.
    """
    volume = np.asarray(volume, dtype=float)
    safe = np.maximum(volume, 1e-12)
    deviation = 2.0 * stats.poisson.pmf(np.floor(safe), safe)
    return np.where(volume > 0, deviation, np.nan)


def estimate_dispersion(actual: FloatArray, mean: FloatArray) -> float:
    """Method-of-moments dispersion of actuals around forecasts (≥ 0)."""
    weight = float(np.sum(mean**2))
    if weight <= 0:
        return 0.0
    return max(0.0, float(np.sum((actual - mean) ** 2 - mean)) / weight)


def default_origins(panel: DayPanel, horizon_days: int, n_origins: int) -> list[pd.Timestamp]:
    """The latest ``n_origins`` open days whose horizon ends inside the history.

    The first two weeks are kept for training; with short histories the
    horizon may run past the end of the data (those targets are not scored).
    """
    dates = panel.dates[panel.present]
    earliest = dates[0] + pd.Timedelta(days=14) if len(dates) else None
    usable = [d for d in dates if earliest is not None and d >= earliest]
    full = [d for d in usable if d + pd.Timedelta(days=horizon_days - 1) <= dates[-1]]
    chosen = full[-n_origins:] if len(full) >= max(1, n_origins // 2) else usable[-n_origins:]
    return list(chosen)


def _seasonal_naive_scale(panel: DayPanel) -> float:
    """In-sample mean absolute error of "same weekday last week" (calls per interval)."""
    errors: list[FloatArray] = []
    for w in range(7):
        rows = np.flatnonzero(panel.present & (panel.weekday == w))
        if len(rows) >= 2:
            open_slots = panel.layout.open_slots[w]
            errors.append(np.abs(np.diff(panel.values[rows][:, open_slots], axis=0)).ravel())
    if not errors:
        return float("nan")
    scale = float(np.mean(np.concatenate(errors)))
    return scale if scale > 0 else float("nan")


def backtest_panel(
    panel: DayPanel,
    calendar: DayCalendar,
    method: str,
    origins: Sequence[pd.Timestamp],
    horizon_days: int,
    *,
    level: float = 0.9,
    settings: ModelSettings | None = None,
    score_from: pd.Timestamp | None = None,
) -> BacktestResult:
    """Back-test a method on an already built panel (see :func:`backtest`)."""
    settings = settings or ModelSettings()
    predict = ALL_METHODS[method]
    frames: list[pd.DataFrame] = []
    for origin in origins:
        past = panel.before(origin)
        if past.present.sum() < panel.layout.days_per_week:
            continue
        targets, keys = future_dates(past, calendar, origin, horizon_days)
        in_range = np.asarray((targets - origin).days < horizon_days)
        keys = tuple(k for k, ok in zip(keys, in_range, strict=True) if ok)
        targets = targets[in_range]
        rows = panel.dates.get_indexer(targets)
        scored = (rows >= 0) & panel.present[np.maximum(rows, 0)]
        if score_from is not None:
            scored &= np.asarray(targets >= score_from.normalize())
        if not scored.any():
            continue
        prediction = predict(past, targets, keys, settings)
        for i in np.flatnonzero(scored):
            open_slots = panel.layout.open_slots[targets[i].day_of_week]
            frames.append(
                pd.DataFrame(
                    {
                        "origin": origin,
                        "timestamp": targets[i] + panel.layout.offsets[open_slots],
                        "day": targets[i],
                        "lead_days": (targets[i] - origin).days + 1,
                        "actual": panel.values[rows[i], open_slots],
                        "mean": np.maximum(prediction[i, open_slots], 0.0),
                    }
                )
            )
    columns = ["origin", "timestamp", "day", "lead_days", "actual", "mean"]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    first_origin = min(origins) if origins else panel.dates[-1]
    scale = _seasonal_naive_scale(panel.before(first_origin))
    frame = _sequential_intervals(frame, level)
    leads, dispersion = _lead_table(frame, scale)
    return BacktestResult(method, level, leads, dispersion, frame)


def _sequential_intervals(frame: pd.DataFrame, level: float) -> pd.DataFrame:
    """Intervals for each origin from the errors on days before that origin only."""
    origin = frame["origin"].to_numpy()
    day = frame["day"].to_numpy()
    lead = frame["lead_days"].to_numpy()
    actual = frame["actual"].to_numpy(float)
    mean = frame["mean"].to_numpy(float)
    lower = np.full(len(frame), np.nan)
    upper = np.full(len(frame), np.nan)
    for current in np.unique(origin):
        known = day < current
        if not known.any():
            continue
        this_origin = origin == current
        for value in np.unique(lead[this_origin]):
            same_lead = known & (lead == value)
            basis = same_lead if len(np.unique(day[same_lead])) >= 5 else known
            dispersion = estimate_dispersion(actual[basis], mean[basis])
            rows = this_origin & (lead == value)
            lower[rows], upper[rows] = nb_interval(mean[rows], dispersion, level)
    return frame.assign(lower=lower, upper=upper)


def _lead_table(
    frame: pd.DataFrame, scale: float
) -> tuple[tuple[LeadAccuracy, ...], tuple[float, ...]]:
    leads: list[LeadAccuracy] = []
    dispersion: list[float] = []
    if len(frame) == 0:
        return (), ()
    for lead in range(1, int(frame["lead_days"].max()) + 1):
        part = frame[frame["lead_days"] == lead]
        if len(part) == 0:
            dispersion.append(dispersion[-1] if dispersion else 0.0)
            continue
        actual, mean = part["actual"].to_numpy(float), part["mean"].to_numpy(float)
        error = np.abs(actual - mean)
        positive = actual > 0
        daily = part.groupby("day")[["actual", "mean"]].sum()
        daily = daily[daily["actual"] > 0]
        with_interval = part["lower"].notna().to_numpy()
        inside = (actual >= part["lower"].to_numpy()) & (actual <= part["upper"].to_numpy())
        leads.append(
            LeadAccuracy(
                lead_days=lead,
                n_days=int(part["day"].nunique()),
                mape=float(100 * np.mean(error[positive] / actual[positive])),
                wape=float(100 * error.sum() / actual.sum()) if actual.sum() > 0 else np.nan,
                mase=float(error.mean() / scale),
                daily_mape=float(
                    100 * np.mean(np.abs(daily["mean"] - daily["actual"]) / daily["actual"])
                ),
                coverage=float(inside[with_interval].mean()) if with_interval.any() else np.nan,
                poisson_mape=float(100 * np.mean(poisson_relative_deviation(actual[positive]))),
                poisson_daily_mape=float(
                    100 * np.mean(poisson_relative_deviation(daily["actual"].to_numpy(float)))
                ),
            )
        )
        dispersion.append(estimate_dispersion(actual, mean))
    return tuple(leads), tuple(dispersion)


def combined_backtest(
    panel: DayPanel,
    results: Sequence[BacktestResult],
    weights: Mapping[int, Mapping[str, float]],
    level: float,
) -> tuple[BacktestResult, ...]:
    """The blend's back-test from its members' back-tests and the final weights.

    Empty when a member is missing. The weights were fitted on data that overlaps
    these days, so the figures are slightly optimistic; the bench back-tests the
    blend honestly (``method="blend"``), refitting the weights at every origin.
    """
    members = {r.method: r for r in results if r.method in BLEND_MEMBERS}
    if len(members) != len(BLEND_MEMBERS):
        return ()
    frames = [members[name].forecasts for name in BLEND_MEMBERS]
    if len({len(f) for f in frames}) != 1 or len(frames[0]) == 0:
        return ()
    base = frames[0]
    is_next = (base["day"] == base.groupby("origin")["day"].transform("min")).to_numpy()
    mean = np.zeros(len(base))
    for name, frame in zip(BLEND_MEMBERS, frames, strict=True):
        weight = np.where(is_next, weights[1].get(name, 0.0), weights[2].get(name, 0.0))
        mean += weight * frame["mean"].to_numpy(float)
    frame = base[["origin", "timestamp", "day", "lead_days", "actual"]].assign(mean=mean)
    frame = _sequential_intervals(frame, level)
    scale = _seasonal_naive_scale(panel.before(pd.Timestamp(base["origin"].min())))
    leads, dispersion = _lead_table(frame, scale)
    return (BacktestResult("blend", level, leads, dispersion, frame),)
