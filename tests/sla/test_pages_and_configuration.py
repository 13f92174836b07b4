"""Settings page, timers partial, admin edits, and recomputation after configuration changes."""

from __future__ import annotations

from datetime import time

import pytest

from tests import factories
from tests.sla.calendars import berlin
from tests.sla.conftest import make_policy
from tierdesk.sla.forms import CalendarForm
from tierdesk.sla.models import OpeningInterval, SlaPolicy, TicketSlaTarget
from tierdesk.sla.services import calendar_touch, sla_recompute_tickets


@pytest.mark.django_db
def test_settings_page_lists_policies_and_calendars(client, department) -> None:  # type: ignore[no-untyped-def]
    client.force_login(department.manager)
    page = client.get("/sla/settings/").content.decode()
    for name in ("Key account, urgent", "Standard", "Around the clock (24/7)", "Office hours"):
        assert name in page
    response = client.post("/sla/settings/recompute/")
    assert response.status_code == 302


@pytest.mark.django_db
def test_timers_partial_shows_every_clock(client, department, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(berlin(2025, 6, 2, 9))
    ticket = factories.ticket(department.customer_a)
    client.force_login(department.l1)
    html = client.get(f"/sla/tickets/{ticket.number}/timers/").content.decode()
    assert html.count('class="sla-timer sla-ok"') == 2
    assert "8 h 0 min left" in html  # first response: 480 business minutes, all today
    client.force_login(department.customer_a)
    assert client.get(f"/sla/tickets/{ticket.number}/timers/").status_code == 404


@pytest.mark.django_db
def test_calendar_change_moves_due_times(department, clock, office_hours) -> None:  # type: ignore[no-untyped-def]
    make_policy(first=60)
    clock.set(berlin(2025, 6, 2, 17, 30))  # Monday; 30 minutes before closing
    ticket = factories.ticket(department.customer_a)
    target = TicketSlaTarget.objects.get(ticket=ticket, name="first_response")
    assert target.due_at == berlin(2025, 6, 3, 8, 30)
    OpeningInterval.objects.filter(calendar=office_hours, weekday=0).update(end=time(20))
    calendar_touch(office_hours)
    assert sla_recompute_tickets() == 1
    target.refresh_from_db()
    assert target.due_at == berlin(2025, 6, 2, 18, 30)


@pytest.mark.django_db
def test_admin_policy_edit_is_saved_and_validated(client, department, clock) -> None:  # type: ignore[no-untyped-def]
    department.manager.is_superuser = department.manager.is_staff = True
    department.manager.save()
    client.force_login(department.manager)
    policy = SlaPolicy.objects.get(name="Standard")
    before = policy.updated_at
    url = f"/admin/sla/slapolicy/{policy.pk}/change/"
    data = {
        "name": "Standard",
        "position": "50",
        "is_active": "on",
        "priorities": ["1", "2"],
        "languages": "de, EN",
        "first_response_minutes": "240",
        "next_response_minutes": "",
        "resolution_minutes": "3000",
        "pause_statuses": ["pending_customer"],
        "warning_share": "0.75",
        "_save": "Save",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    policy.refresh_from_db()
    assert (policy.priorities, policy.languages) == ([1, 2], ["de", "en"])
    assert policy.updated_at > before  # the policy cache sees the change

    data.update(first_response_minutes="", resolution_minutes="")
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "at least one target" in refused.content.decode()
    policy.refresh_from_db()
    assert policy.resolution_minutes == 3000  # nothing lost


@pytest.mark.django_db
def test_calendar_form_refuses_unknown_zone_and_state() -> None:
    form = CalendarForm(
        data={"name": "Mond", "time_zone": "Moon/Tranquility", "country": "DE", "subdivision": "XX"}
    )
    assert not form.is_valid()
    assert "time_zone" in form.errors
    assert "No public holidays are known" in str(form.errors)


@pytest.mark.django_db
def test_admin_refuses_overlapping_opening_hours(client, department, office_hours) -> None:  # type: ignore[no-untyped-def]
    department.manager.is_superuser = department.manager.is_staff = True
    department.manager.save()
    client.force_login(department.manager)
    url = f"/admin/sla/calendar/{office_hours.pk}/change/"
    data = {
        "name": office_hours.name,
        "time_zone": "Europe/Berlin",
        "country": "DE",
        "subdivision": "BY",
        "is_default": "on",
        "intervals-TOTAL_FORMS": "2",
        "intervals-INITIAL_FORMS": "0",
        "intervals-0-weekday": "0",
        "intervals-0-start": "08:00",
        "intervals-0-end": "12:00",
        "intervals-1-weekday": "0",
        "intervals-1-start": "11:00",
        "intervals-1-end": "13:00",
        "exceptions-TOTAL_FORMS": "0",
        "exceptions-INITIAL_FORMS": "0",
        "team_links-TOTAL_FORMS": "0",
        "team_links-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Opening hours overlap" in response.content.decode()
    office_hours.refresh_from_db()
    assert office_hours.subdivision == ""  # nothing saved
