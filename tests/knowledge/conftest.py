"""Fixtures of the help-center tests: the demo help center and logged-in clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.knowledge.demo_content import load_help_center


@pytest.fixture
def help_center(db: None) -> int:
    """The demo help center, published in German and English."""
    return load_help_center()


@pytest.fixture
def department(db: None) -> factories.Department:
    return factories.Department.build()


@pytest.fixture
def login() -> Callable[[User | None], Client]:
    def logged_in(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return logged_in
