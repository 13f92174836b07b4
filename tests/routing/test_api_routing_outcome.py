"""The ticket API shows the routing outcome and its reasons to staff, not to customers."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from tests.api.conftest import ApiCall
from tests.api.conftest import call_api as call_api
from tierdesk.routing.models import RoutingRule
from tierdesk.teams.models import Team

pytestmark = pytest.mark.django_db


def test_staff_see_rule_and_reasons_customers_do_not(department: Any, call_api: ApiCall) -> None:
    RoutingRule.objects.create(
        name="Retouren", keywords="Retoure", set_team=Team.objects.get(slug="returns")
    )
    ticket = factories.ticket(department.customer_a, subject="Retoure", body="Bitte abholen.")
    path = f"/api/v1/tickets/{ticket.number}"
    staff = call_api(department.manager, "GET", path).json()
    assert (staff["team"], staff["level"], staff["assignee"]) == ("returns", "L1", None)
    assert staff["routing"]["rule"] == "Retouren"
    assert staff["routing"]["reasons"][0].endswith("(Retouren)")
    assert staff["routing"]["needs_triage"] is False
    customer = call_api(department.customer_a, "GET", path).json()
    assert customer["routing"] is None
