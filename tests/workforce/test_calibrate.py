"""Calibration from the real Volvo IT tiered log reproduces its escalation shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from tierdesk.workforce.calibrate import Calibration, calibrate
from tierdesk.workforce.simulate import simulate

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
LOG = DATA / "volvo_it_bpic2013_incidents_L1L2L3.csv"
TOLERANCE = 0.015  # absolute, i.e. 1.5 percentage points


@pytest.fixture(scope="module")
def calibration() -> Calibration:
    if not LOG.is_file():
        pytest.fail(
            f"Volvo IT log missing: expected at {LOG} (the shared/ folder beside the repository)"
        )
    return calibrate(LOG)


def test_log_figures_match_its_readme(calibration: Calibration) -> None:
    # Figures stated in the data README: 7,554 requests, 88.7 % start at L1,
    # 36.7 % reach L2, 7.2 % reach L3, median lifetime 7.6 days.
    assert calibration.requests == 7554
    assert calibration.entry_shares[0] == pytest.approx(0.887, abs=0.0005)
    assert calibration.share_reaching_l2 == pytest.approx(0.367, abs=0.0005)
    assert calibration.share_reaching_l3 == pytest.approx(0.072, abs=0.0005)
    assert calibration.median_lifetime_days == pytest.approx(7.6, abs=0.06)  # 7.55 here


def test_estimates_are_probabilities_and_times(calibration: Calibration) -> None:
    assert sum(calibration.entry_shares) == pytest.approx(1.0)
    for p in (calibration.escalate_l1, calibration.escalate_l2, calibration.hand_back_l3):
        assert 0.0 < p < 1.0
    means = [lv.mean_seconds for lv in calibration.time_at_level]
    assert all(m > 3600 for m in means)  # times at a level are hours to days
    assert calibration.arrivals_per_day > 50


def test_calibrated_simulation_reproduces_escalation_shares(calibration: Calibration) -> None:
    result = simulate(calibration.model(200), seed=2)
    reached = result.contacts_reaching_level / result.contacts
    assert reached[0] == pytest.approx(calibration.entry_shares[0], abs=TOLERANCE)
    assert reached[1] == pytest.approx(calibration.share_reaching_l2, abs=TOLERANCE)
    assert reached[2] == pytest.approx(calibration.share_reaching_l3, abs=TOLERANCE)
    # Ample capacity: the log's time at a level already holds the waiting.
    assert all(t.mean_wait_seconds < 60 for t in result.tiers)


def test_missing_log_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="log not found"):
        calibrate(tmp_path / "absent.csv")
