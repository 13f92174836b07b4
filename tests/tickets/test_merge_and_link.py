from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import InvalidChange
from tierdesk.tickets.models import EventKind, Status, TicketLink
from tierdesk.tickets.services import ticket_link, ticket_merge


def test_merging_moves_the_conversation_and_keeps_the_history(department):
    original = factories.ticket(department.customer_a, subject="Router blinkt rot")
    duplicate = factories.ticket(department.customer_a, subject="Router blinkt immer noch rot")

    ticket_merge(duplicate, into=original, actor=department.l1)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == original
    assert duplicate.status == Status.CLOSED
    assert original.messages.count() == 2
    assert duplicate.messages.count() == 0
    # The duplicate keeps its own timeline, now ending in the merge.
    assert list(duplicate.events.values_list("kind", flat=True))[:2] == [
        EventKind.CREATED,
        EventKind.ROUTED,
    ]
    assert duplicate.events.filter(kind=EventKind.MERGED).get().data == {
        "merged_into": original.number
    }
    assert original.events.filter(kind=EventKind.MERGED).get().data["merged_from"] == (
        duplicate.number
    )


def test_a_ticket_is_not_merged_twice_or_into_itself(department):
    first = factories.ticket(department.customer_a)
    second = factories.ticket(department.customer_a)
    with pytest.raises(InvalidChange):
        ticket_merge(first, into=first, actor=department.l1)
    ticket_merge(second, into=first, actor=department.l1)
    with pytest.raises(InvalidChange):
        ticket_merge(second, into=first, actor=department.l1)


def test_linking_related_tickets_is_recorded_on_both_once(department):
    first = factories.ticket(department.customer_a)
    second = factories.ticket(department.customer_b)
    ticket_link(first, target=second, actor=department.l1)
    ticket_link(first, target=second, actor=department.l1)
    assert TicketLink.objects.count() == 1
    assert first.events.filter(kind=EventKind.LINKED).count() == 1
    assert second.events.filter(kind=EventKind.LINKED).count() == 1
