"""German holidays are the default calendar; special days can come from a CSV file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tierdesk.workforce.forecast import forecast
from tierdesk.workforce.forecast_calendar import read_special_days
from tierdesk.workforce.forecast_layout import ForecastInputError


def _weekdays_closed_on_german_holidays() -> pd.Series:
    import holidays

    index = pd.bdate_range("2023-01-02", "2024-04-26")
    german = holidays.country_holidays("DE", years=range(2023, 2025))
    open_ = np.array([d.date() not in german for d in index])
    counts = np.random.default_rng(3).poisson(200.0, len(index)).astype(float)
    return pd.Series(counts, index=index)[open_]


def test_without_a_calendar_german_holidays_are_closed_again() -> None:
    result = forecast(_weekdays_closed_on_german_holidays(), 20)
    assert pd.Timestamp("2024-05-01") not in result.mean.index  # Tag der Arbeit
    plain = forecast(_weekdays_closed_on_german_holidays(), 20, country=None)
    assert pd.Timestamp("2024-05-01") in plain.mean.index


def test_special_days_are_read_from_a_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "special.csv"
    path.write_text("date,name\n2024-11-29,black friday\n2023-11-24,black friday\n")
    assert read_special_days(path) == {"black friday": [date(2024, 11, 29), date(2023, 11, 24)]}
    (tmp_path / "bad.csv").write_text("when,what\nsoon,sale\n")
    with pytest.raises(ForecastInputError):
        read_special_days(tmp_path / "bad.csv")
