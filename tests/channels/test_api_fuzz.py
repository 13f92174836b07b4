"""schemathesis against the OpenAPI schema: generated requests never get a server error.

Runs in-process against the WSGI application, with a bounded number of examples
per operation. The first test covers every router mounted at ``/api/v1/``; the
second the channels' routers (customers, organisations, teams, webhooks) as the
test URL configuration mounts them, until the lead mounts them at ``/api/v1/``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from tests import factories
from tierdesk.accounts.tokens import api_token_create

EXAMPLES_PER_OPERATION = 10
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """As Django's test client does: the WSGI handler must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _schema(url: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_wsgi(url, get_wsgi_application())


@pytest.fixture
def token(db: None) -> str:
    department = factories.Department.build()
    factories.ticket(department.customer_a)
    return api_token_create(user=department.manager).raw


@pytest.fixture
def api_schema(db: None) -> schemathesis.BaseSchema:
    return _schema("/api/v1/openapi.json")


@pytest.fixture
def channels_schema(db: None, settings) -> schemathesis.BaseSchema:  # type: ignore[no-untyped-def]
    settings.ROOT_URLCONF = "tests.channels.urls"
    return _schema("/api/channels-test/openapi.json").include(tag_regex="customers|webhooks")


def _fuzz(schema: schemathesis.BaseSchema, token: str) -> int:
    """Run every operation's generated cases; return how many operations were covered."""
    failures: list[str] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @FUZZ_SETTINGS
        @given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} → {response.status_code}: "
                f"{response.text[:300]}"
            )

        try:
            run()
        except AssertionError as error:
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n".join(failures)
    return operations


def test_api_never_answers_with_a_server_error(
    api_schema: schemathesis.BaseSchema, token: str
) -> None:
    assert _fuzz(api_schema, token) >= 8


def test_channel_routers_never_answer_with_a_server_error(
    channels_schema: schemathesis.BaseSchema, token: str
) -> None:  # type: ignore[no-untyped-def]
    assert _fuzz(channels_schema, token) >= 10
