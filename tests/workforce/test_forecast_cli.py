"""``tierdesk forecast`` through the planning-command dispatcher."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tierdesk.workforce.cli import run_planning_command


def _write_history(path: Path) -> None:
    index = pd.date_range("2024-01-01", periods=8 * 7 * 24, freq="h")
    index = index[(index.day_of_week < 5) & (index.hour >= 9) & (index.hour < 17)]
    counts = np.random.default_rng(2).poisson(40, len(index))
    pd.DataFrame({"timestamp": index, "calls": counts}).to_csv(path, index=False)


def test_writes_the_forecast_csv(tmp_path: Path) -> None:
    source, output = tmp_path / "arrivals.csv", tmp_path / "out.csv"
    _write_history(source)
    argv = ["--arrivals", str(source), "--periods", "16", "--output", str(output)]
    status = run_planning_command("forecast", [*argv, "--country", "DE", "--subdivision", "BY"])
    assert status == 0
    table = pd.read_csv(output, parse_dates=["timestamp"])
    assert list(table.columns) == ["timestamp", "mean", "lower", "upper"]
    assert len(table) == 16 and (table["lower"] <= table["upper"]).all()
    assert table["timestamp"].iloc[0] == pd.Timestamp("2024-02-26 09:00")


def test_prints_the_forecast_with_backtest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "arrivals.csv"
    _write_history(source)
    argv = ["--arrivals", str(source), "--periods", "3", "--method", "seasonal_naive"]
    assert run_planning_command("forecast", [*argv, "--backtest"]) == 0
    out = capsys.readouterr().out
    assert "method: seasonal_naive" in out and "backtest seasonal_naive lead 1" in out


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run_planning_command(
        "forecast", ["--arrivals", str(tmp_path / "no.csv"), "--periods", "3"]
    )
    assert status == 2
    assert "cannot read" in capsys.readouterr().err


def test_malformed_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("timestamp,calls\nyesterday,many\nnever,few\n")
    assert run_planning_command("forecast", ["--arrivals", str(source), "--periods", "3"]) == 2
    assert "error" in capsys.readouterr().err
