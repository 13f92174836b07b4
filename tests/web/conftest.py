"""Fixtures for the web interfaces: a ticket from customer A and logged-in clients."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.models import Ticket


@pytest.fixture
def ticket(department: factories.Department) -> Ticket:
    """A new ticket of customer A in Customer Support, First Level."""
    created = factories.ticket(department.customer_a, subject="Drucker druckt nicht")
    assert (created.team.slug, created.level.code) == ("support", "L1")
    return created
