"""Fixtures for the web interfaces: a ticket from customer A and logged-in clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from pytest_django.fixtures import Settings

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Ticket


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Settings) -> None:
    """Test users need no expensive hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def ticket(department: factories.Department) -> Ticket:
    """A new ticket of customer A in Customer Support, First Level."""
    created = factories.ticket(department.customer_a, subject="Drucker druckt nicht")
    assert (created.team.slug, created.level.code) == ("support", "L1")
    return created


@pytest.fixture
def login() -> Callable[[User], Client]:
    def logged_in(user: User) -> Client:
        client = Client()
        client.force_login(user)
        # The UI defaults to German; these tests read the English source strings.
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return logged_in
