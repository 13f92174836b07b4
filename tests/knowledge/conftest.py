"""Fixtures of the help-center tests: the demo help center and logged-in clients."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.knowledge.demo_content import load_help_center
from tierdesk.knowledge.models import Category, Section


@pytest.fixture
def help_center(db: None) -> int:
    """The demo help center, published in German and English."""
    return load_help_center()


@pytest.fixture
def department(db: None) -> factories.Department:
    return factories.Department.build()


@pytest.fixture
def section(db: None) -> Section:
    """An empty section to write articles into."""
    category = Category.objects.create(slug="c", name_de="K", name_en="C")
    return Section.objects.create(category=category, slug="s", name_de="S", name_en="S")
