"""An agent turns a thread into a ticket for the asker; both link to each other."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.errors import InvalidPost
from tierdesk.community.models import Category, Thread
from tierdesk.community.services import thread_create, thread_to_ticket
from tierdesk.tickets.models import Channel, EventKind, Ticket


def test_thread_becomes_a_ticket_of_the_asker(
    department: factories.Department, thread: Thread
) -> None:
    ticket = thread_to_ticket(thread=thread, actor=department.l1, channel=Channel.SOCIAL)

    assert ticket.requester == department.customer_a
    assert ticket.subject == "Thermostat T3 verliert WLAN"
    assert ticket.channel == Channel.SOCIAL
    first = ticket.messages.order_by("created_at", "id").first()
    assert first is not None and first.is_public
    assert "verbindet sich mein T3 alle paar Stunden neu" in first.body_text
    assert f"/community/t/{thread.pk}/" in first.body_html
    kinds = list(ticket.events.values_list("kind", flat=True))
    assert kinds[:2] == [EventKind.CREATED, EventKind.ROUTED]
    assert EventKind.NOTE in kinds
    note = ticket.messages.get(is_public=False)
    assert f"/community/t/{thread.pk}/" in note.body_html
    assert note.author == department.l1
    thread.refresh_from_db()
    assert thread.ticket == ticket
    assert list(ticket.forum_threads.all()) == [thread]


def test_a_thread_becomes_one_ticket_only(department: factories.Department, thread: Thread) -> None:
    ticket = thread_to_ticket(thread=thread, actor=department.l1)
    with pytest.raises(InvalidPost, match=f"already ticket #{ticket.number}"):
        thread_to_ticket(thread=thread, actor=department.l2)
    with pytest.raises(InvalidPost, match="web or social"):
        thread_to_ticket(thread=thread, actor=department.l2, channel=Channel.PHONE)
    assert Ticket.objects.filter(requester=department.customer_a).count() == 1


def test_staff_question_cannot_become_a_ticket(
    department: factories.Department, category: Category
) -> None:
    staff_thread = thread_create(
        author=department.l2,
        category=category,
        title="Wartungsarbeiten am Sonntag",
        body="Die Cloud ist von 2 bis 4 Uhr nicht erreichbar.",
    )
    with pytest.raises(InvalidPost, match="needs a customer"):
        thread_to_ticket(thread=staff_thread, actor=department.l1)


def test_agent_opens_the_ticket_over_http(
    department: factories.Department, login: Callable[[User], Client], thread: Thread
) -> None:
    agent = login(department.l1)
    response = agent.post(f"/community/t/{thread.pk}/ticket/", {"channel": "web"})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.ticket is not None
    page = agent.get(f"/community/t/{thread.pk}/").content.decode()
    assert f"/desk/tickets/{thread.ticket.number}/" in page
    ticket_page = agent.get(f"/desk/tickets/{thread.ticket.number}/").content.decode()
    assert f"/community/t/{thread.pk}/" in ticket_page
