"""Demo loads shared by the demo tests: a small one and a medium one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tierdesk.demo.loader import DemoSummary, load_demo

# A fixed "now" makes loads comparable (a Thursday evening in late November).
NOW = datetime(2026, 11, 26, 18, 30, tzinfo=UTC)


@pytest.fixture
def small_demo(db: None) -> DemoSummary:
    return load_demo(months=1, scale=0.05, seed=7, now=NOW)


@pytest.fixture
def medium_demo(db: None) -> DemoSummary:
    return load_demo(months=3, scale=0.3, seed=7, now=NOW)
