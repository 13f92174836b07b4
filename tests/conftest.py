"""Shared fixtures. Data is built through the same services the product uses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User

TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Give every transactional test a serialized rollback.

    A transactional test ends by flushing the database, which would also wipe
    what the migrations seeded (levels, teams, calendars, mailboxes) for every
    later test; a serialized rollback restores it.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        wants_transaction = bool(marker and marker.kwargs.get("transaction")) or bool(
            TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        if wants_transaction:
            kwargs = dict(marker.kwargs) if marker else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(autouse=True)
def _english_unless_asked(settings):  # type: ignore[no-untyped-def]
    """The product defaults to German; tests read English unless they ask for German."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """Test users need no expensive hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def login() -> Callable[[User | None], Client]:
    """A client logged in as the user (``None``: a visitor), reading English."""

    def logged_in(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        # The UI defaults to German; tests read the English source strings.
        client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return logged_in


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def department(db):  # type: ignore[no-untyped-def]
    """Agents of Customer Support at each level, a lead, a manager and two customers."""
    return factories.Department.build()
