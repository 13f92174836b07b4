"""Forecast arrivals (tickets or calls per interval) from their history.

The entry point is :func:`forecast`. Methods, components and the back-test are in
``forecast_models``, ``forecast_blend``, ``forecast_layout``, ``forecast_calendar`` and
``forecast_backtest``; this module ties them together. By default (``method="auto"``)
it blends the structured model with the robust baselines, weighted by their
back-test on the series (docs/forecast-accuracy.md).

Example
-------
>>> import numpy as np, pandas as pd
>>> index = pd.date_range("2024-01-01", periods=8 * 7, freq="D")
>>> history = pd.Series(np.random.default_rng(1).poisson(100, len(index)), index=index)
>>> result = forecast(history, 7)
>>> len(result.mean), bool((result.lower <= result.upper).all())
(7, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast_backtest import (
    BacktestResult,
    LeadAccuracy,
    backtest_panel,
    combined_backtest,
    default_origins,
    nb_interval,
)
from tierdesk.workforce.forecast_blend import ALL_METHODS, BLEND_MEMBERS, blend_forecast
from tierdesk.workforce.forecast_calendar import (
    OpeningHours,
    apply_hours,
    default_holidays,
    future_slot_mask,
    layout_for_hours,
    with_short_days,
)
from tierdesk.workforce.forecast_layout import (
    DayCalendar,
    DayPanel,
    ForecastInputError,
    SeriesLayout,
    build_panel,
    future_dates,
    infer_layout,
    make_calendar,
)
from tierdesk.workforce.forecast_models import ModelSettings

HolidaysArgument = Mapping[date, str] | Iterable[date] | None
SpecialDaysArgument = Mapping[str, Iterable[date | str | pd.Timestamp]] | None

__all__ = [
    "BacktestResult",
    "ForecastInputError",
    "ForecastResult",
    "LeadAccuracy",
    "ModelSettings",
    "OpeningHours",
    "backtest",
    "forecast",
]


@dataclass(frozen=True)
class ForecastResult:
    """Forecast of arrivals on the future open intervals.

    Attributes
    ----------
    mean : pandas.Series
        Expected arrivals per interval (calls per interval), on the future index.
    lower, upper : pandas.Series
        Bounds of the central prediction interval at ``level`` (calls per interval).
    method : str
        The method used (chosen by back-test when ``method="auto"``).
    level : float
        Nominal coverage of the prediction interval (e.g. 0.9).
    interval : pandas.Timedelta
        Length of one interval, inferred from the history.
    backtest : tuple of BacktestResult
        Back-test of every method considered (empty when the history was too short).
        For ``"blend"`` its entry combines the members' back-tests with the final
        weights (so it is slightly optimistic: the weights saw those days).
    weights : Mapping[int, Mapping[str, float]]
        Blend weights per member for the next open day (key 1) and later days (2);
        empty for a single method.
    reforecast_factor : float
        Factor applied to the rest of a partly observed first day from its actuals
        so far (1.0: no same-day re-forecast).
    """

    mean: pd.Series
    lower: pd.Series
    upper: pd.Series
    method: str
    level: float
    interval: pd.Timedelta
    backtest: tuple[BacktestResult, ...] = field(default=())
    weights: Mapping[int, Mapping[str, float]] = field(default_factory=dict)
    reforecast_factor: float = 1.0

    def backtest_of(self, method: str) -> BacktestResult:
        """The back-test of one method (KeyError if it was not back-tested)."""
        for result in self.backtest:
            if result.method == method:
                return result
        raise KeyError(method)


def _complete_days(history: pd.Series, layout: SeriesLayout) -> pd.Series:
    """History without a trailing day that stops before its last open interval."""
    last = history.index[-1]
    day = last.normalize()
    open_offsets = layout.offsets[layout.open_slots[day.day_of_week]]
    if len(open_offsets) and last - day < open_offsets[-1]:
        trimmed = history[history.index < day]
        if len(trimmed) >= 2:
            return trimmed
    return history


def _future_index(
    panel: DayPanel, dates: pd.DatetimeIndex, start: pd.Timestamp, hours: OpeningHours | None
) -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray]:
    """Timestamps of the open intervals of ``dates`` from ``start`` on, with their day and slot."""
    stamps: list[pd.Timestamp] = []
    day_of: list[int] = []
    slot_of: list[int] = []
    for i, day in enumerate(dates):
        for slot in np.flatnonzero(future_slot_mask(hours, day, panel.layout)):
            stamp = day + panel.layout.offsets[slot]
            if stamp >= start:
                stamps.append(stamp)
                day_of.append(i)
                slot_of.append(int(slot))
    return pd.DatetimeIndex(stamps), np.asarray(day_of), np.asarray(slot_of)


def _backtests(
    panel: DayPanel,
    history_calendar: DayCalendar,
    methods: Sequence[str],
    horizon_days: int,
    n_origins: int,
    level: float,
    settings: ModelSettings,
) -> tuple[BacktestResult, ...]:
    origins = default_origins(panel, horizon_days, n_origins)
    if not origins:
        return ()
    results = [
        backtest_panel(
            panel, history_calendar, m, origins, horizon_days, level=level, settings=settings
        )
        for m in methods
    ]
    return tuple(r for r in results if len(r.forecasts))


def forecast(
    history: pd.Series,
    periods: int,
    *,
    holidays: HolidaysArgument = None,
    special_days: SpecialDaysArgument = None,
    method: str = "auto",
    level: float = 0.9,
    n_origins: int = 16,
    backtest_days: int = 7,
    start: pd.Timestamp | None = None,
    settings: ModelSettings | None = None,
    opening_hours: OpeningHours | None = None,
    country: str | None = "DE",
    subdivision: str | None = None,
    reforecast: bool = True,
) -> ForecastResult:
    """Forecast the next ``periods`` open intervals of an arrivals series.

    Parameters
    ----------
    history : pandas.Series
        Arrivals per interval (calls or tickets per interval) on an increasing
        DatetimeIndex with a regular interval of 5 minutes to a day. Closed hours
        and days may be absent or zero-filled: without ``opening_hours`` a slot or
        day that never has arrivals counts as closed. A trailing, partly observed
        day is left out of the fit (and re-forecast from its actuals, see
        ``reforecast``).
    periods : int
        Number of future open intervals to forecast.
    holidays : mapping or collection of dates, optional
        Public holidays (date → name, or a set of dates); replaces the default
        calendar of ``country``. A holiday on which the centre was closed in history
        is closed again; otherwise its effect is learned per name.
    special_days : mapping of name to dates, optional
        Named special days (``{"black friday": [...], "sale": [...]}``, or
        ``forecast_calendar.read_special_days(path)``) whose effect on the daily
        total is learned from history; the future dates must be listed too.
    method : str
        ``"auto"`` (the blend of ``day_profile`` and the robust baselines, weighted
        by their back-test on this series, see ``forecast_blend``) or one of
        ``forecast_blend.ALL_METHODS``.
    level : float
        Nominal coverage of the prediction interval, in (0, 1).
    n_origins : int
        Rolling origins of the reported back-test (open days at the end).
    backtest_days : int
        Horizon of each back-test forecast (calendar days).
    start : pandas.Timestamp, optional
        First time to forecast (default: one interval after the history). The
        history is taken to be complete up to it: open days in between without
        data count as closed.
    settings : ModelSettings, optional
        Tuning of the methods.
    opening_hours : OpeningHours, optional
        Regular hours per weekday, short days and closed days of the team. When
        given, the opening pattern is not inferred: only open slots are fitted,
        scored and forecast, closed days are skipped, short days get their hours.
    country, subdivision : str, optional
        Default holiday calendar (``holidays`` package) when ``holidays`` is None,
        e.g. ``"DE"``, ``"BY"``; ``country=None`` for none.
    reforecast : bool
        When the history ends inside the first forecast day, scale the rest of
        that day by its actuals so far (credibility-weighted, see
        :func:`_reforecast_factor`).

    Returns
    -------
    ForecastResult
        Mean and interval bounds (non-negative) on the future index.
    """
    if periods < 1:
        raise ForecastInputError("periods must be at least 1")
    if method != "auto" and method not in ALL_METHODS:
        raise ForecastInputError(f"unknown method {method!r}; choose auto or {sorted(ALL_METHODS)}")
    if not 0 < level < 1:
        raise ForecastInputError("level must be between 0 and 1")
    settings = settings or ModelSettings()
    layout = infer_layout(history)
    if opening_hours is not None:
        layout = layout_for_hours(layout.interval, opening_hours)
    if holidays is None:
        years = (history.index[0].year, history.index[-1].year + 2)
        holidays = default_holidays(country, subdivision, *years)
    calendar = make_calendar(holidays, special_days)
    start = pd.Timestamp(start) if start is not None else history.index[-1] + layout.interval
    complete = _complete_days(history, layout)
    panel = _panel(complete, layout, calendar, opening_hours)
    if opening_hours is not None:
        calendar = with_short_days(calendar, opening_hours)
    slots_per_day = max(1, int(layout.open_slots.sum(axis=1)[layout.open_weekdays].min()))
    n_days = (
        int(np.ceil(periods / slots_per_day))
        + 1
        + len(opening_hours.closed_days if opening_hours else ())
    )
    dates, keys = _open_future_dates(panel, calendar, start, n_days, opening_hours)
    index, day_of, slot_of = _future_index(panel, dates, start, opening_hours)
    index, day_of, slot_of = index[:periods], day_of[:periods], slot_of[:periods]
    chosen = "blend" if method == "auto" else method
    candidates = BLEND_MEMBERS if chosen == "blend" else (chosen,)
    horizon = min(max(backtest_days, 1), 28)
    results = _backtests(panel, calendar, candidates, horizon, n_origins, level, settings)
    weights: dict[int, dict[str, float]] = {}
    if chosen == "blend":
        prediction, weights = blend_forecast(panel, dates, keys, settings)
        results = (*results, *combined_backtest(panel, results, weights, level))
    else:
        prediction = ALL_METHODS[chosen](panel, dates, keys, settings)
    factor = 1.0
    partial_day = history.index[-1].normalize()
    if reforecast and len(complete) < len(history) and len(dates) and dates[0] == partial_day:
        factor = _reforecast_factor(history, complete, prediction[0], layout, results, chosen)
        prediction[0] = prediction[0] * factor
    mean = np.maximum(prediction[day_of, slot_of], 0.0)
    lead = np.asarray((dates[day_of] - start.normalize()).days + 1)
    lower, upper = _intervals(mean, lead, results, chosen, level)
    name = history.name
    return ForecastResult(
        mean=pd.Series(mean, index=index, name=name),
        lower=pd.Series(lower, index=index, name=name),
        upper=pd.Series(upper, index=index, name=name),
        method=chosen,
        level=level,
        interval=layout.interval,
        backtest=results,
        weights=weights,
        reforecast_factor=factor,
    )


def _panel(
    history: pd.Series, layout: SeriesLayout, calendar: DayCalendar, hours: OpeningHours | None
) -> DayPanel:
    if hours is None:
        return build_panel(history, layout, calendar)
    calendar = with_short_days(calendar, hours)
    return apply_hours(build_panel(history, layout, calendar), hours, calendar)


def _open_future_dates(
    panel: DayPanel,
    calendar: DayCalendar,
    start: pd.Timestamp,
    n_days: int,
    hours: OpeningHours | None,
) -> tuple[pd.DatetimeIndex, tuple[tuple[str, ...], ...]]:
    """Future open days with their keys, without the stated closed days."""
    dates, keys = future_dates(panel, calendar, start, n_days)
    if hours is None or not hours.closed_days:
        return dates, keys
    kept = [i for i, day in enumerate(dates) if day.date() not in hours.closed_days]
    return dates[kept], tuple(keys[i] for i in kept)


#: Smallest relative standard deviation of a day's level assumed by the re-forecast.
REFORECAST_MIN_CV = 0.1


def _reforecast_factor(
    history: pd.Series,
    complete: pd.Series,
    first_day: np.ndarray,
    layout: SeriesLayout,
    results: tuple[BacktestResult, ...],
    chosen: str,
) -> float:
    """Ratio actuals / forecast on the observed part of the day, shrunk towards 1.

    A gamma prior on the day's level with variance ``v`` (the day-ahead relative
    variance of the daily total seen in the back-test beyond Poisson noise) and
    Poisson arrivals give the posterior mean ``(observed + 1/v) / (expected + 1/v)``:
    a few calls early in the morning hardly move the day, a busy morning does.
    """
    today = history[history.index >= complete.index[-1].normalize() + pd.Timedelta(days=1)]
    if len(complete) == len(history) or len(today) == 0:
        return 1.0
    day = today.index[0].normalize()
    slots = layout.offsets.get_indexer(today.index - day)
    known = slots >= 0
    expected = float(first_day[slots[known]].sum())
    observed = float(today.to_numpy(dtype=float)[known].sum())
    result = next((r for r in results if r.method == chosen), None)
    daily_error = result.at_lead(1).daily_mape / 100.0 if result and result.leads else 0.1
    # MAPE ≈ 0.8 standard deviations for a normal error. The floor keeps the
    # re-forecast responsive to a change history never showed (an outage, a mailing).
    variance = max((daily_error / 0.8) ** 2, REFORECAST_MIN_CV**2)
    prior = 1.0 / variance
    return (observed + prior) / (expected + prior) if expected + prior > 0 else 1.0


def _intervals(
    mean: np.ndarray,
    lead: np.ndarray,
    results: tuple[BacktestResult, ...],
    chosen: str,
    level: float,
) -> tuple[np.ndarray, np.ndarray]:
    lower = np.zeros_like(mean)
    upper = np.zeros_like(mean)
    result = next((r for r in results if r.method == chosen), None)
    for value in np.unique(lead):
        rows = lead == value
        dispersion = result.dispersion_at(int(value)) if result else 0.05
        lower[rows], upper[rows] = nb_interval(mean[rows], dispersion, level)
    return lower, upper


def backtest(
    history: pd.Series,
    *,
    method: str,
    origins: Sequence[pd.Timestamp] | None = None,
    n_origins: int = 8,
    horizon_days: int = 7,
    holidays: HolidaysArgument = None,
    special_days: SpecialDaysArgument = None,
    level: float = 0.9,
    score_from: pd.Timestamp | None = None,
    settings: ModelSettings | None = None,
) -> BacktestResult:
    """Rolling-origin back-test of one method on a history.

    Parameters
    ----------
    history : pandas.Series
        Arrivals per interval, as for :func:`forecast`.
    method : str
        A name in ``forecast_blend.ALL_METHODS`` (``"blend"`` included).
    origins : sequence of pandas.Timestamp, optional
        Midnights at which forecasts are made from the data before them
        (default: the last ``n_origins`` open days whose horizon fits in the data).
    horizon_days : int
        Calendar days forecast from each origin.
    score_from : pandas.Timestamp, optional
        Score only target days on or after this date.

    Returns
    -------
    BacktestResult
        MAPE, WAPE, MASE, daily-total MAPE and interval coverage per lead (days).
    """
    if method not in ALL_METHODS:
        raise ForecastInputError(f"unknown method {method!r}")
    layout = infer_layout(history)
    calendar = make_calendar(holidays, special_days)
    panel = build_panel(history, layout, calendar)
    chosen_origins = (
        [pd.Timestamp(o).normalize() for o in origins]
        if origins is not None
        else default_origins(panel, horizon_days, n_origins)
    )
    return backtest_panel(
        panel,
        calendar,
        method,
        chosen_origins,
        horizon_days,
        level=level,
        settings=settings,
        score_from=score_from,
    )
