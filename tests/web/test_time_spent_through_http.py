"""The ticket page takes minutes spent with a reply, note or call, and shows the total."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests import factories
from tests.web.test_german_translation import german_client, page
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Message, Ticket, TimeEntry


def test_minutes_from_reply_note_and_call_add_up_on_the_page(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    agent = login(department.l1)
    page = agent.get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert page.count('name="minutes_spent"') == 3
    assert "Time spent (minutes)" in page

    for action, data in [
        ("reply", {"body": "Bitte neu starten", "version": ticket.version, "minutes_spent": 6}),
        ("note", {"body": "Treiber geprüft", "minutes_spent": 15}),
        ("call", {"summary": "Rückruf", "duration_minutes": 4}),
    ]:
        response = agent.post(f"/desk/tickets/{ticket.number}/{action}/", data)
        assert response.status_code == 302, response.content.decode()[:2000]

    minutes = list(TimeEntry.objects.filter(ticket=ticket).values_list("minutes", flat=True))
    assert minutes == [6, 15, 4]
    page = agent.get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "25 minutes" in page


def test_invalid_minutes_keep_the_reply_and_save_nothing(
    department: factories.Department, ticket: Ticket, login: Callable[[User], Client]
) -> None:
    agent = login(department.l1)
    before = Message.objects.filter(ticket=ticket).count()

    for minutes in ("-5", "0", "zehn", str(24 * 60 + 1)):
        response = agent.post(
            f"/desk/tickets/{ticket.number}/reply/",
            {"body": "Mein sorgfältiger Text", "version": ticket.version, "minutes_spent": minutes},
        )
        assert response.status_code == 400
        assert "Mein sorgfältiger Text" in response.content.decode()

    assert Message.objects.filter(ticket=ticket).count() == before
    assert not TimeEntry.objects.exists()


def test_page_speaks_german_about_time_spent(
    department: factories.Department, ticket: Ticket
) -> None:
    html = page(german_client(department.l1), f"/desk/tickets/{ticket.number}/")

    assert "Aufgewendete Zeit (Minuten)" in html
    assert "0 Minuten" in html
    assert "Time spent" not in html
