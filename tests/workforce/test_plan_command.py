"""The ``tierdesk plan`` command, through the planning-command dispatcher."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tierdesk.workforce.cli import run_planning_command

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
BANK = DATA / "na_bank_calls_5min_2003.csv"


def _small_csv(tmp_path: Path) -> Path:
    path = tmp_path / "calls.csv"
    path.write_text("when,count\n2024-03-04 09:00,40\n2024-03-04 09:15,50\n2024-03-04 09:30,70\n")
    return path


def test_prints_a_staffing_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run_planning_command(
        "plan", ["--arrivals", str(_small_csv(tmp_path)), "--aht", "240", "--sl", "80/20"]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "agents" in out and "peak agents" in out


def test_writes_csv(tmp_path: Path) -> None:
    output = tmp_path / "plan.csv"
    argv = [
        "--arrivals",
        str(_small_csv(tmp_path)),
        "--aht",
        "240",
        "--output",
        str(output),
        "--channel",
        "chat",
        "--concurrency",
        "2",
        "--shrinkage",
        "0.3",
    ]
    assert run_planning_command("plan", argv) == 0
    frame = pd.read_csv(output)
    assert frame["contacts"].tolist() == [90, 70]
    assert (frame["fte"] >= frame["agents"]).all()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--sl", "80-20"], "--sl"),
        (["--aht", "-5"], "--aht"),
        (["--shrinkage", "1.5"], "--shrinkage"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    argv = ["--arrivals", str(_small_csv(tmp_path)), "--aht", "240", *extra]
    assert run_planning_command("plan", argv) == 2
    assert message in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run_planning_command("plan", ["--arrivals", str(tmp_path / "no.csv"), "--aht", "240"]) == 2
    )
    assert "not found" in capsys.readouterr().err


def test_bank_series(tmp_path: Path) -> None:
    if not BANK.is_file():
        pytest.fail(
            f"bank call data missing: expected at {BANK} (the shared/ folder beside the repository)"
        )
    output = tmp_path / "bank.csv"
    argv = [
        "--arrivals",
        str(BANK),
        "--aht",
        "240",
        "--sl",
        "80/20",
        "--max-occupancy",
        "0.9",
        "--output",
        str(output),
    ]
    assert run_planning_command("plan", argv) == 0
    frame = pd.read_csv(output)
    busy = frame[frame["contacts"] > 0]
    assert (busy["service_level"] >= 0.8).all()
    assert (busy["occupancy"] <= 0.9).all()
    assert 150 < busy["agents"].max() < 500
    email = tmp_path / "email.csv"
    argv = [
        "--arrivals",
        str(BANK),
        "--aht",
        "600",
        "--channel",
        "email",
        "--interval",
        "1h",
        "--deadline-hours",
        "120",
        "--output",
        str(email),
    ]
    assert run_planning_command("plan", argv) == 0
    assert pd.read_csv(email)["agents"].max() > 0
