"""Shared fixtures. Data is built through the same services the product uses."""

from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def department(db):  # type: ignore[no-untyped-def]
    """Agents of Customer Support at each level, a lead, a manager and two customers."""
    return factories.Department.build()
