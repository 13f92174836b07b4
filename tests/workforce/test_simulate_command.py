"""``tierdesk simulate`` prints figures per tier, writes CSV, and rejects bad input clearly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tierdesk.workforce.cli import run_planning_command


def test_prints_and_writes_figures_per_tier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "summary.csv"
    status = run_planning_command(
        "simulate",
        [
            "--days",
            "1",
            "--agents",
            "L1=12,L2=5,L3=2",
            "--arrivals-per-hour",
            "60",
            "--seed",
            "3",
            "--output",
            str(output),
            "--no-progress",
        ],
    )
    assert status == 0
    printed = capsys.readouterr().out
    assert "contacts over 1 days" in printed
    rows = list(csv.DictReader(output.open()))
    assert [r["level"] for r in rows] == ["L1", "L2", "L3"]
    assert int(rows[0]["offered"]) > 1000
    assert int(rows[1]["offered"]) < int(rows[0]["offered"])
    assert 0.0 <= float(rows[0]["service_level"]) <= 1.0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--agents", "L1=5,L2=2"], "needs L1, L2 and L3"),
        (["--agents", "L1=a,L2=2,L3=1"], "not a whole number"),
        (["--agents", "L1=-1,L2=2,L3=1"], "cannot be negative"),
        (["--days", "0"], "--days must be at least 1"),
        (["--arrivals-per-hour", "-5"], "cannot be negative"),
        (["--calibrate-from", "no-such-log.csv"], "log not found"),
    ],
)
def test_bad_input_is_reported(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_planning_command("simulate", [*argv, "--no-progress"]) == 2
    assert message in capsys.readouterr().err


def test_log_without_levels_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "log.csv"
    log.write_text("SR Number,Change Date+Time\n1,2012-04-01T10:00:00+01:00\n")
    assert run_planning_command("simulate", ["--calibrate-from", str(log), "--no-progress"]) == 2
    assert "lacks columns" in capsys.readouterr().err
