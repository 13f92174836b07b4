"""Forecast arrivals (tickets or calls per interval) from their history.

The entry point is :func:`forecast`. Methods, components and the back-test are in
``forecast_models``, ``forecast_layout`` and ``forecast_backtest``; this module
ties them together and chooses the method with the best back-test when asked.

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
    default_origins,
    nb_interval,
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
from tierdesk.workforce.forecast_models import AUTO_CANDIDATES, METHODS, ModelSettings

HolidaysArgument = Mapping[date, str] | Iterable[date] | None
SpecialDaysArgument = Mapping[str, Iterable[date | str | pd.Timestamp]] | None

__all__ = [
    "BacktestResult",
    "ForecastInputError",
    "ForecastResult",
    "LeadAccuracy",
    "ModelSettings",
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
    """

    mean: pd.Series
    lower: pd.Series
    upper: pd.Series
    method: str
    level: float
    interval: pd.Timedelta
    backtest: tuple[BacktestResult, ...] = field(default=())

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
    panel: DayPanel, dates: pd.DatetimeIndex, start: pd.Timestamp
) -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray]:
    """Timestamps of the open intervals of ``dates`` from ``start`` on, with their day and slot."""
    stamps: list[pd.Timestamp] = []
    day_of: list[int] = []
    slot_of: list[int] = []
    for i, day in enumerate(dates):
        for slot in np.flatnonzero(panel.layout.open_slots[day.day_of_week]):
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
) -> ForecastResult:
    """Forecast the next ``periods`` open intervals of an arrivals series.

    Parameters
    ----------
    history : pandas.Series
        Arrivals per interval (calls or tickets per interval) on an increasing
        DatetimeIndex with a regular interval of 5 minutes to a day. Closed hours
        and days may simply be absent; the opening pattern per weekday is inferred.
        A trailing, partly observed day is left out of the fit.
    periods : int
        Number of future open intervals to forecast.
    holidays : mapping or collection of dates, optional
        Public holidays, e.g. ``holidays.country_holidays("DE", subdiv="BY")``
        (date → name) or a set of dates. A holiday on which the centre was closed
        in history is closed again; otherwise its effect is learned per name.
    special_days : mapping of name to dates, optional
        Named special days (``{"black friday": [...], "sale": [...]}``) whose
        multiplicative effect on the daily total is learned from history; the
        future dates must be listed too.
    method : str
        ``"auto"`` (best back-test WAPE among seasonal naive, historical average,
        ETS and the day-profile model; ETS is left out of intraday histories longer
        than ``ETS_AUTO_MAX_WEEKS`` weeks, see :func:`_auto_candidates`) or one of
        ``forecast_models.METHODS``.
    level : float
        Nominal coverage of the prediction interval, in (0, 1).
    n_origins : int
        Rolling origins of the back-test (open days at the end of the history).
        On the bank series ``auto`` picked a baseline on noise at 15 of 104 origins
        with 8 and at 3 with 16 (docs/forecast-accuracy.md), hence 16.
    backtest_days : int
        Horizon of each back-test forecast (calendar days).
    start : pandas.Timestamp, optional
        First time to forecast (default: one interval after the history). The
        history is taken to be complete up to it: open days in between without
        data count as closed.
    settings : ModelSettings, optional
        Tuning of the methods.

    Returns
    -------
    ForecastResult
        Mean and interval bounds (non-negative) on the future index.
    """
    if periods < 1:
        raise ForecastInputError("periods must be at least 1")
    if method != "auto" and method not in METHODS:
        raise ForecastInputError(f"unknown method {method!r}; choose auto or {sorted(METHODS)}")
    if not 0 < level < 1:
        raise ForecastInputError("level must be between 0 and 1")
    settings = settings or ModelSettings()
    layout = infer_layout(history)
    calendar = make_calendar(holidays, special_days)
    start = pd.Timestamp(start) if start is not None else history.index[-1] + layout.interval
    panel = build_panel(_complete_days(history, layout), layout, calendar)
    slots_per_day = max(1, int(layout.open_slots.sum(axis=1)[layout.open_weekdays].min()))
    n_days = int(np.ceil(periods / slots_per_day)) + 1
    dates, keys = future_dates(panel, calendar, start, n_days)
    index, day_of, slot_of = _future_index(panel, dates, start)
    index, day_of, slot_of = index[:periods], day_of[:periods], slot_of[:periods]
    candidates = _auto_candidates(panel) if method == "auto" else (method,)
    horizon = min(max(backtest_days, 1), 28)
    results = _backtests(panel, calendar, candidates, horizon, n_origins, level, settings)
    chosen = _choose(method, results, panel)
    prediction = METHODS[chosen](panel, dates, keys, settings)
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
    )


#: Weeks of open days of an intraday history from which ``auto`` leaves ETS out.
ETS_AUTO_MAX_WEEKS = 8


def _auto_candidates(panel: DayPanel) -> tuple[str, ...]:
    """Methods back-tested by ``method="auto"``.

    On an intraday series ETS and ``day_profile`` share the intraday profile and
    differ only in the daily total. Once there are a few months of days,
    ``day_profile`` has learned its weekday, month and calendar effects; on the bank
    series ETS then lost to it at every lead while each statsmodels refit cost about
    ten times a ``day_profile`` forecast (docs/forecast-accuracy.md). So ETS is only
    back-tested on daily series and short intraday ones; ``method="ets"`` still works.
    """
    intraday = panel.layout.interval < pd.Timedelta(days=1)
    long_enough = int(panel.present.sum()) > ETS_AUTO_MAX_WEEKS * panel.layout.days_per_week
    if intraday and long_enough:
        return tuple(m for m in AUTO_CANDIDATES if m != "ets")
    return AUTO_CANDIDATES


def _choose(method: str, results: tuple[BacktestResult, ...], panel: DayPanel) -> str:
    if method != "auto":
        return method
    if results:
        return min(results, key=lambda r: r.wape).method
    # Too short to back-test: the structured model needs about a week of data.
    return "day_profile" if panel.present.sum() >= panel.layout.days_per_week else "seasonal_naive"


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
        A name in ``forecast_models.METHODS``.
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
    if method not in METHODS:
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
