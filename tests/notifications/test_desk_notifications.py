"""Agents and team leads read their in-app notifications in the desk."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.notifications.models import Notification
from tierdesk.notifications.selectors import unread_notification_count
from tierdesk.notifications.services import notify
from tierdesk.teams.models import Team
from tierdesk.tickets.models import Ticket
from tierdesk.tickets.services import ticket_escalate

pytestmark = pytest.mark.django_db

Login = Callable[[User | None], Client]
PAGE = "/desk/notifications/"


@pytest.fixture
def escalated(department: factories.Department) -> Ticket:
    """A First Level agent escalates a ticket to Second Level: the lead is told."""
    ticket = factories.ticket(department.customer_a, subject="Router startet neu")
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="Firmware defekt?")
    return ticket


def _lead_notification(department: factories.Department) -> Notification:
    return Notification.objects.get(recipient=department.lead, kind="escalated")


def test_an_escalation_shows_on_the_leads_page_with_a_working_ticket_link(
    department: factories.Department, escalated: Ticket, login: Login
) -> None:
    notification = _lead_notification(department)
    lead = login(department.lead)
    page = lead.get(PAGE).content.decode()
    assert f"#{escalated.number} escalated to L2: Firmware defekt?" in page
    assert "Escalated" in page
    assert "Unread" in page
    open_url = f"/desk/notifications/{notification.pk}/open/"
    assert open_url in page
    response = lead.get(open_url)
    assert response.status_code == 302
    assert response["Location"] == f"/desk/tickets/{escalated.number}/"
    assert lead.get(response["Location"]).status_code == 200
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_newest_first_and_no_link_to_a_ticket_the_user_cannot_see(
    department: factories.Department, login: Login
) -> None:
    other_team = factories.ticket(
        department.customer_a, subject="Rücksendung", team=Team.objects.get(slug="returns")
    )
    hidden = notify(department.l1, other_team, kind="help_requested", text="older, hidden")
    newer = notify(department.l1, None, kind="sla_warning", text="newer, no ticket")
    page = login(department.l1).get(PAGE).content.decode()
    assert page.index("newer, no ticket") < page.index("older, hidden")
    assert f"/desk/notifications/{hidden.pk}/open/" not in page
    assert f"/desk/notifications/{newer.pk}/open/" not in page
    assert login(department.l1).get(f"/desk/notifications/{hidden.pk}/open/").status_code == 404
    hidden.refresh_from_db()
    assert hidden.read_at is None


def test_mark_one_as_read_with_htmx_updates_the_item_and_the_count(
    department: factories.Department, escalated: Ticket, login: Login
) -> None:
    notification = _lead_notification(department)
    notify(department.lead, escalated, kind="sla_breached", text="still unread")
    response = login(department.lead).post(
        f"/desk/notifications/{notification.pk}/read/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert f'id="notification-{notification.pk}"' in fragment
    assert "Unread" not in fragment
    assert "Mark as read" not in fragment
    assert 'id="notifications-count" hx-swap-oob="true">1</span>' in fragment
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert unread_notification_count(department.lead) == 1


def test_mark_one_as_read_without_htmx_redirects_to_the_list(
    department: factories.Department, escalated: Ticket, login: Login
) -> None:
    notification = _lead_notification(department)
    response = login(department.lead).post(f"/desk/notifications/{notification.pk}/read/")
    assert response.status_code == 302
    assert response["Location"] == PAGE
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_all_as_read_touches_only_my_notifications(
    department: factories.Department, login: Login
) -> None:
    for number in range(3):
        notify(department.l2, None, kind="escalated", text=f"mine {number}")
    theirs = notify(department.l1, None, kind="escalated", text="not mine")
    response = login(department.l2).post("/desk/notifications/read-all/", follow=True)
    assert "3 notifications marked as read." in response.content.decode()
    assert unread_notification_count(department.l2) == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_needs_post(department: factories.Department, login: Login) -> None:
    notification = notify(department.l1, None, kind="escalated", text="x")
    client = login(department.l1)
    assert client.get(f"/desk/notifications/{notification.pk}/read/").status_code == 405
    assert client.get("/desk/notifications/read-all/").status_code == 405


def test_another_users_notification_is_a_404(
    department: factories.Department, escalated: Ticket, login: Login
) -> None:
    leads = _lead_notification(department)
    l2 = login(department.l2)
    assert l2.post(f"/desk/notifications/{leads.pk}/read/").status_code == 404
    assert l2.get(f"/desk/notifications/{leads.pk}/open/").status_code == 404
    # Not even the service manager, who sees every ticket, reads the lead's notifications.
    manager = login(department.manager)
    assert manager.post(f"/desk/notifications/{leads.pk}/read/").status_code == 404
    assert f"#{escalated.number} escalated" not in manager.get(PAGE).content.decode()
    leads.refresh_from_db()
    assert leads.read_at is None


def test_a_customer_gets_403_and_a_visitor_the_login(
    department: factories.Department, login: Login
) -> None:
    notification = notify(department.l1, None, kind="escalated", text="x")
    customer = login(department.customer_a)
    assert customer.get(PAGE).status_code == 403
    assert customer.post(f"/desk/notifications/{notification.pk}/read/").status_code == 403
    assert customer.post("/desk/notifications/read-all/").status_code == 403
    visitor = login(None).get(PAGE)
    assert visitor.status_code == 302
    assert visitor["Location"].startswith("/accounts/login/")


def test_the_sidebar_shows_the_unread_count(
    department: factories.Department, escalated: Ticket, login: Login
) -> None:
    notify(department.lead, escalated, kind="sla_warning", text="due soon")
    lead = login(department.lead)
    for url in ("/desk/", "/desk/help/", "/desk/problems/", PAGE):
        page = lead.get(url).content.decode()
        assert 'href="/desk/notifications/" id="notifications-link"' in page
        assert '<span class="count attention" id="notifications-count">2</span>' in page
    lead.post("/desk/notifications/read-all/")
    assert (
        '<span class="count" id="notifications-count">0</span>'
        in lead.get("/desk/").content.decode()
    )


def test_the_unread_count_is_one_query(department: factories.Department) -> None:
    notify(department.l1, None, kind="escalated", text="x")
    with CaptureQueriesContext(connection) as queries:
        assert unread_notification_count(department.l1) == 1
    assert len(queries) == 1
    assert "COUNT(" in queries[0]["sql"].upper()


def test_the_page_speaks_german(
    department: factories.Department, escalated: Ticket, login: Login
) -> None:
    lead = login(department.lead)
    lead.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    page = lead.get(PAGE, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Alle als gelesen markieren" in page
    assert "Ungelesen" in page


def test_opening_the_ticket_from_the_queue_marks_its_notifications_read(
    department: factories.Department, escalated: Ticket, login: Login
) -> None:
    other = notify(department.lead, None, kind="sla_warning", text="unrelated")
    assert login(department.lead).get(f"/desk/tickets/{escalated.number}/").status_code == 200
    assert _lead_notification(department).read_at is not None
    other.refresh_from_db()
    assert other.read_at is None
