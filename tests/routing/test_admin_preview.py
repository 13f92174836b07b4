"""The admin's "which rule would match this ticket?" preview."""

from __future__ import annotations

import pytest
from django.test import Client

from tests import factories
from tests.routing.conftest import routing_agent, set_mode
from tierdesk.accounts.models import Role, User
from tierdesk.routing.models import RoutingRule
from tierdesk.teams.models import Team
from tierdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    admin = User.objects.create_superuser("root", "root@example.com", "pw", role=Role.ADMIN)
    client.force_login(admin)
    return client


def test_preview_shows_each_rules_verdict_the_decision_and_the_agent(admin_client: Client) -> None:
    returns = Team.objects.get(slug="returns")
    RoutingRule.objects.create(name="Telefon", channel="phone", position=1)
    RoutingRule.objects.create(name="Retouren", keywords="Retoure", set_team=returns, position=2)
    set_mode("returns")
    routing_agent("rita", team="returns")
    response = admin_client.post(
        "/admin/routing/routingrule/preview/",
        {"subject": "Retoure", "body": "Bitte abholen", "channel": "email"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "fails on channel" in text
    assert "<strong>matches</strong>" in text
    assert "Rita" in text
    assert not Ticket.objects.exists()  # nothing was created


def test_unknown_customer_is_a_form_error(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/routing/routingrule/preview/",
        {"subject": "x", "body": "y", "channel": "email", "customer_email": "nobody@example.com"},
    )
    assert response.status_code == 400
    assert "No customer has this address." in response.content.decode()


def test_preview_is_for_admins_only(client: Client) -> None:
    client.force_login(factories.customer())
    response = client.get("/admin/routing/routingrule/preview/")
    assert response.status_code == 302
