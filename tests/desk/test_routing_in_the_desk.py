"""The router's work shows in the desk: a triage queue, the reasons of assignments,
and agents marking themselves on a break (so the router passes them by)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.routing.dispatch import ticket_take_next
from tierdesk.routing.services import classifier_vocabulary_load
from tierdesk.teams.models import AgentProfile, Presence

pytestmark = pytest.mark.django_db

Login = Callable[[User], Client]


def test_requests_the_classifier_is_unsure_about_wait_in_the_triage_queue(login: Login) -> None:
    classifier_vocabulary_load()
    agent = factories.agent("lina", level="L1")
    unsure = factories.ticket(factories.customer(), subject="Hallo", body="Bitte melden.")
    clear = factories.ticket(
        factories.customer(), subject="Rücksendung", body="Ich möchte das Gerät zurückschicken."
    )
    assert unsure.tags.filter(name="triage").exists()
    assert not clear.tags.filter(name="triage").exists()
    client = login(agent)
    queue = client.get("/desk/?view=triage").content.decode()
    assert "Requests to triage" in queue
    assert f"#{unsure.number}" in queue
    assert f"#{clear.number}" not in queue
    assert 'id="triage-link"' in client.get("/desk/").content.decode()
    page = client.get(f"/desk/tickets/{unsure.number}/").content.decode()
    assert "The router left this ticket for triage" in page
    assert "left for triage" in page  # the classifier's reason in the timeline


def test_the_timeline_says_why_the_router_assigned(login: Login) -> None:
    agent = factories.agent("lina", level="L1")
    ticket = factories.ticket(factories.customer())
    taken = ticket_take_next(agent)
    assert taken is not None and taken.pk == ticket.pk
    page = login(agent).get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "assigned the ticket to Lina" in page
    assert "<dt>Why</dt><dd>took the next best ticket (pull)</dd>" in page


def test_an_agent_marks_a_break_from_the_queue(login: Login) -> None:
    agent = factories.agent("lina", level="L1")
    client = login(agent)
    queue = client.get("/desk/").content.decode()
    assert 'id="my-presence"' in queue
    assert '<option value="working" selected>' in queue
    response = client.post(
        "/routing/agents/lina/presence/", {"presence": Presence.BREAK, "next": "/desk/"}
    )
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert AgentProfile.objects.get(user=agent).presence == Presence.BREAK
    assert '<option value="break" selected>' in client.get("/desk/").content.decode()


def test_staff_without_an_agent_profile_see_no_presence_form(login: Login) -> None:
    page = login(factories.manager()).get("/desk/").content.decode()
    assert 'id="my-presence"' not in page


def test_assigning_by_hand_shows_each_agents_load_and_presence(login: Login) -> None:
    lina = factories.agent("lina", level="L1")
    ben = factories.agent("ben", level="L1")
    AgentProfile.objects.filter(user=ben).update(presence=Presence.BREAK, max_open_tickets=5)
    first = factories.ticket(factories.customer())
    ticket_take_next(lina)
    second = factories.ticket(factories.customer())
    page = login(lina).get(f"/desk/tickets/{second.number}/").content.decode()
    assert "Lina (1/25 open)</option>" in page
    assert "Ben (0/5 open, On a break)</option>" in page
    assert first.number != second.number
