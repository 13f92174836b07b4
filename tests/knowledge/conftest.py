"""Fixtures of the help-center tests: the demo help center and logged-in clients."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.knowledge.demo_content import load_help_center


@pytest.fixture
def help_center(db: None) -> int:
    """The demo help center, published in German and English."""
    return load_help_center()


@pytest.fixture
def department(db: None) -> factories.Department:
    return factories.Department.build()
