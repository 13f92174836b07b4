"""Rolling-origin back-tests and negative-binomial prediction intervals.

An origin is a midnight: the forecast made there uses only the days before it.
The lead of a target day is the number of calendar days from the origin to the
end of the target day: 1 is day-ahead (forecast the evening before), 8 is a
forecast made one week before the target day starts (week-ahead).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from tierdesk.workforce.forecast_layout import (
    DayCalendar,
    DayPanel,
    FloatArray,
    future_dates,
)
from tierdesk.workforce.forecast_models import METHODS, ModelSettings


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
    """

    lead_days: int
    n_days: int
    mape: float
    wape: float
    mase: float
    daily_mape: float
    coverage: float


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
    predict = METHODS[method]
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
            )
        )
        dispersion.append(estimate_dispersion(actual, mean))
    return tuple(leads), tuple(dispersion)
