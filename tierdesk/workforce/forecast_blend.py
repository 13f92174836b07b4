"""Blend of the structured model and the robust baselines, weighted by their back-test.

Choosing one method by a short back-test picks on noise; a combination rarely
loses much to its best member and often beats it (Bates & Granger 1969). The
members are ``day_profile`` and the same-weekday baselines (median, mean, mean
scaled by the last day's level, last week's value; the last follows a fast-growing
series best). Weights are inverse mean squared errors on
the open slots of the series itself, from rolling origins inside the data before
the forecast, separately for the next open day and for later days, because the
level-scaled baseline is good day-ahead and poor a week ahead.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from tierdesk.workforce.forecast_layout import DayPanel, FloatArray
from tierdesk.workforce.forecast_models import METHODS, Keys, Method, ModelSettings

#: Members of the blend.
BLEND_MEMBERS: tuple[str, ...] = (
    "day_profile",
    "historical_median",
    "historical_average",
    "scaled_average",
    "seasonal_naive",
)
#: Rolling origins (open days) used to weight the members.
BLEND_ORIGINS = 20
#: Open days ahead scored from each origin (covers week-ahead on a 5-day week).
BLEND_HORIZON = 7
#: Open days of training a member needs before its first scored origin.
BLEND_MIN_TRAINING = 14
#: Excess error (beyond Poisson noise) is floored at this share of the noise.
NOISE_FLOOR_SHARE = 0.05
#: Members whose excess error is more than this share above the best one's get no
#: weight: the members' errors are strongly correlated, so a clearly worse one adds
#: its bias without cancelling much noise.
BLEND_MARGIN = 0.25
#: Weights are proportional to MSE ** -BLEND_SHARPNESS (1: Bates-Granger).
BLEND_SHARPNESS = 1.0

Weights = Mapping[str, float]


def member_errors(panel: DayPanel, settings: ModelSettings) -> dict[int, dict[str, float]]:
    """Excess squared error per member on open slots: step 1 (next open day), later (2).

    The excess is the mean squared error minus the Poisson variance of the actuals
    (floored at ``NOISE_FLOOR_SHARE`` of it), i.e. the error a member adds on top
    of the noise no method can remove (calls² per interval).

    Origins are the last ``BLEND_ORIGINS`` panel rows that leave
    ``BLEND_MIN_TRAINING`` present days before them; each forecast uses only the
    rows before its origin and is scored on the present rows of the next
    ``BLEND_HORIZON`` open days.
    """
    present_rows = np.flatnonzero(panel.present)
    if len(present_rows) <= BLEND_MIN_TRAINING + 1:
        return {}
    first_origin = int(present_rows[BLEND_MIN_TRAINING])
    origins = range(max(first_origin, len(panel.dates) - BLEND_ORIGINS), len(panel.dates))
    squared: dict[int, dict[str, float]] = {1: {}, 2: {}}
    counts = {1: 0, 2: 0}
    noise = {1: 0.0, 2: 0.0}
    open_slots = panel.layout.open_slots[panel.weekday]
    for origin in origins:
        rows = np.arange(origin, min(origin + BLEND_HORIZON, len(panel.dates)))
        rows = rows[panel.present[rows]]
        if len(rows) == 0:
            continue
        past = panel.before(panel.dates[origin])
        targets = panel.dates[rows]
        keys = [panel.keys[r] for r in rows]
        bucket = np.where(rows == origin, 1, 2)
        actual = panel.values[rows]
        mask = open_slots[rows]
        for name in BLEND_MEMBERS:
            error = (METHODS[name](past, targets, keys, settings) - actual) ** 2 * mask
            for step in (1, 2):
                chosen = bucket == step
                squared[step][name] = squared[step].get(name, 0.0) + float(error[chosen].sum())
        for step in (1, 2):
            counts[step] += int(mask[bucket == step].sum())
            noise[step] += float((actual * mask)[bucket == step].sum())
    # Poisson noise adds the intensity (≈ the actual count) to every member's squared
    # error alike; left in, it swamps the differences and the weights come out equal.
    return {
        step: {
            name: max(total - noise[step], NOISE_FLOOR_SHARE * noise[step]) / counts[step]
            for name, total in by_name.items()
        }
        for step, by_name in squared.items()
        if counts[step] > 0
    }


def inverse_mse_weights(errors: Mapping[str, float]) -> dict[str, float]:
    """Weights ∝ 1 / error of the members near the best, summing to 1 (equal: no errors)."""
    if not errors:
        return {name: 1.0 / len(BLEND_MEMBERS) for name in BLEND_MEMBERS}
    best = min(errors.values())
    inverse = {
        name: max(value, 1e-12) ** -BLEND_SHARPNESS
        for name, value in errors.items()
        if value <= (1.0 + BLEND_MARGIN) * best
    }
    total = sum(inverse.values())
    return {name: value / total for name, value in inverse.items()}


def blend_weights(panel: DayPanel, settings: ModelSettings) -> dict[int, dict[str, float]]:
    """Member weights for step 1 (next open day) and for later days (key 2)."""
    errors = member_errors(panel, settings)
    step_one = inverse_mse_weights(errors.get(1, errors.get(2, {})))
    later = inverse_mse_weights(errors.get(2, errors.get(1, {})))
    return {1: step_one, 2: later}


def blend_forecast(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> tuple[FloatArray, dict[int, dict[str, float]]]:
    """The blended forecast (calls per interval, n_targets × n_slots) and its weights."""
    weights = blend_weights(panel, settings)
    first_open = _next_open_day(panel)
    is_next = np.asarray(targets == first_open)
    result = np.zeros((len(targets), len(panel.layout.offsets)))
    for name in BLEND_MEMBERS:
        member = METHODS[name](panel, targets, keys, settings)
        weight = np.where(is_next, weights[1].get(name, 0.0), weights[2].get(name, 0.0))
        result += weight[:, None] * member
    return result, weights


def _next_open_day(panel: DayPanel) -> pd.Timestamp:
    day = panel.dates[-1] + pd.Timedelta(days=1)
    while not panel.layout.open_weekdays[day.day_of_week]:
        day += pd.Timedelta(days=1)
    return day


def blend(
    panel: DayPanel, targets: pd.DatetimeIndex, keys: Keys, settings: ModelSettings
) -> FloatArray:
    """Method ``"blend"``: see :func:`blend_forecast`."""
    return blend_forecast(panel, targets, keys, settings)[0]


#: Every method by name, the blend included.
ALL_METHODS: dict[str, Method] = {**METHODS, "blend": blend}
