"""The escalate dialog suggests the escalation path's team with its reason; escalating
to Third Level keeps the Second Level agent as the customer's contact."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.routing.models import EscalationPath, Product
from tierdesk.teams.models import Level, Team
from tierdesk.tickets.models import Escalation, Ticket
from tierdesk.tickets.services import ticket_assign, ticket_escalate

pytestmark = pytest.mark.django_db

Login = Callable[[User], Client]


@dataclass
class Setting:
    locks: Team
    l1: User
    l2: User
    engineer: User
    ticket: Ticket


@pytest.fixture
def setting() -> Setting:
    """A door-lock ticket at Second Level; the lock's Third Level is its engineering group."""
    support = Team.objects.get(slug="support")
    locks = Team.objects.create(slug="locks-engineering", name_en="Locks", name_de="Schlösser")
    lock = Product.objects.create(code="schloss-s1", name="Türschloss S1", keywords="Türschloss")
    EscalationPath.objects.create(
        team=support, level=Level.objects.get(code="L3"), product=lock, target_team=locks
    )
    l1, l2 = factories.agent("lina", level="L1"), factories.agent("lars", level="L2")
    engineer = factories.agent("erik", level="L3", team="locks-engineering")
    ticket = factories.ticket(factories.customer("kundin"), subject="Türschloss klemmt")
    ticket_escalate(ticket, actor=l1, to_level="L2", reason="Mechanik?")
    ticket_assign(ticket, actor=l2, assignee=l2)
    return Setting(locks=locks, l1=l1, l2=l2, engineer=engineer, ticket=ticket)


def _escalate(client: Client, ticket: Ticket, **fields: str) -> str:
    data = {"version": str(ticket.version), "reason": "Firmware?", "summary": "Log anbei"}
    data.update(fields)
    response = client.post(f"/desk/tickets/{ticket.number}/escalate/", data, follow=True)
    return response.content.decode()


def test_dialog_suggests_the_paths_team_with_its_reason(setting: Setting, login: Login) -> None:
    page = login(setting.l2).get(f"/desk/tickets/{setting.ticket.number}/").content.decode()
    assert "Suggested: Locks (L3)" in page
    assert "escalation path of Customer Support for Türschloss S1" in page
    assert "you stay the customer's contact" in page
    assert "the suggested team of the chosen level" in page


def test_first_level_sees_a_suggestion_per_level(setting: Setting, login: Login) -> None:
    ticket = factories.ticket(factories.customer(), subject="Türschloss piept")
    page = login(setting.l1).get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "Suggested: Customer Support (L2)" in page
    assert "no escalation path set: stays with Customer Support" in page
    assert "Suggested: Locks (L3)" in page


def test_escalating_as_suggested_moves_the_ticket_and_keeps_the_contact(
    setting: Setting, login: Login
) -> None:
    lars = login(setting.l2)
    page = _escalate(lars, setting.ticket, to_level="L3", to_team="")
    setting.ticket.refresh_from_db()
    assert (setting.ticket.team, setting.ticket.level.code) == (setting.locks, "L3")
    # Lars lands on the ticket, which he still sees: he is the customer's contact.
    assert "Escalated to Third Level Support, team Locks." in page
    assert "You stay the customer&#x27;s contact" in page
    assert 'id="customer-contact"' in page
    assert "Customer Support → Locks (escalation path for schloss-s1)" in page
    assert "Lars stays the customer&#x27;s contact and relays the internal notes" in page
    assert 'id="reply-form"' in page  # and may write to the customer
    queue = lars.get("/desk/?view=relay").content.decode()
    assert f"#{setting.ticket.number}" in queue
    assert "Tickets I relay to the customer" in queue
    engineer_page = login(setting.engineer).get(f"/desk/tickets/{setting.ticket.number}/")
    assert "Lars" in engineer_page.content.decode()
    assert 'id="no-reply-hint"' in engineer_page.content.decode()


def test_the_agent_can_choose_another_team(setting: Setting, login: Login) -> None:
    _escalate(login(setting.l2), setting.ticket, to_level="L3", to_team="support")
    setting.ticket.refresh_from_db()
    assert (setting.ticket.team.slug, setting.ticket.level.code) == ("support", "L3")
    page = login(setting.l2).get(f"/desk/tickets/{setting.ticket.number}/").content.decode()
    assert "Customer Support, not the suggested Locks" in page


def test_an_unknown_team_is_refused_with_the_input_kept(setting: Setting, login: Login) -> None:
    response = login(setting.l2).post(
        f"/desk/tickets/{setting.ticket.number}/escalate/",
        {
            "version": setting.ticket.version,
            "to_level": "L3",
            "to_team": "nope",
            "reason": "Firmwarefehler im Riegel",
            "summary": "x",
        },
    )
    assert response.status_code == 400
    assert "Firmwarefehler im Riegel" in response.content.decode()
    setting.ticket.refresh_from_db()
    assert setting.ticket.level.code == "L2"
    assert Escalation.objects.filter(ticket=setting.ticket).count() == 1


def test_handing_back_returns_the_ticket_to_its_contact(setting: Setting, login: Login) -> None:
    _escalate(login(setting.l2), setting.ticket, to_level="L3", to_team="")
    setting.ticket.refresh_from_db()
    response = login(setting.engineer).post(
        f"/desk/tickets/{setting.ticket.number}/hand-back/",
        {"version": setting.ticket.version, "to_level": "L2", "reason": "Firmware 2.1"},
    )
    assert response.status_code == 302
    setting.ticket.refresh_from_db()
    assert (setting.ticket.team.slug, setting.ticket.assignee) == ("support", setting.l2)
    page = login(setting.l2).get(f"/desk/tickets/{setting.ticket.number}/").content.decode()
    assert "Locks → Customer Support" in page
    assert 'id="customer-contact"' not in page
