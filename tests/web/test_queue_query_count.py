"""The queue of a team with 10,000 open tickets renders with a bounded number of queries."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.customers.models import Organisation
from tierdesk.teams.models import Level, Team
from tierdesk.tickets.models import Status, Ticket

QUEUE = "/desk/?team=support&level=L1"
# 13 since the sidebar shows the unread notifications (one indexed COUNT).
MAX_QUERIES = 13


def _bulk_tickets(count: int, first_number: int, requesters: list[User], assignee: User) -> None:
    team, level = Team.objects.get(slug="support"), Level.objects.get(code="L1")
    organisation = requesters[0].organisation
    now = timezone.now()
    Ticket.objects.bulk_create(
        [
            Ticket(
                number=first_number + index,
                subject=f"Anfrage {index}",
                requester=requesters[index % len(requesters)],
                organisation=organisation if index % 3 == 0 else None,
                channel="web",
                team=team,
                level=level,
                status=Status.OPEN if index % 2 else Status.NEW,
                priority=1 + index % 4,
                assignee=assignee if index % 5 == 0 else None,
                created_at=now - timezone.timedelta(minutes=index),
                updated_at=now,
            )
            for index in range(count)
        ],
        batch_size=2000,
    )


def _queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.slow
def test_queue_with_10000_tickets_has_bounded_queries(
    department: factories.Department,
    login: Callable[[User], Client],
    django_assert_max_num_queries: Callable[[int], object],
) -> None:
    organisation = Organisation.objects.create(name="Großkunde AG", is_key_account=True)
    requesters = [
        factories.customer(f"kunde{index}", organisation=organisation) for index in range(20)
    ]
    client = login(department.l1)

    _bulk_tickets(50, 500_000, requesters, department.l1)
    queries_small = _queries_for(client, QUEUE)

    _bulk_tickets(10_000 - 50, 600_000, requesters, department.l1)
    assert Ticket.objects.filter(team__slug="support", level__code="L1").count() == 10_000

    with django_assert_max_num_queries(MAX_QUERIES):  # type: ignore[operator]
        first = client.get(QUEUE)
    assert first.status_code == 200
    assert first.content.decode().count('<td class="number">') == 50
    assert "Page 1 of 200" in first.content.decode()

    with django_assert_max_num_queries(MAX_QUERIES):  # type: ignore[operator]
        late = client.get(QUEUE + "&page=180")
    assert "Page 180 of 200" in late.content.decode()
    assert late.content.decode().count('<td class="number">') == 50

    # The number of queries does not grow with the number of tickets.
    assert _queries_for(client, QUEUE) == queries_small
    assert _queries_for(client, QUEUE + "&page=200") == queries_small
    assert _queries_for(client, QUEUE + "&view=mine&q=Anfrage") <= queries_small
