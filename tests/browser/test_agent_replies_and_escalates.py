"""demo-l1 opens a queue and a ticket, replies, and escalates to Second Level."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import DemoDepartment, log_in
from tierdesk.tickets.models import Escalation, EventKind, Message

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_l1_replies_and_escalates(
    page: Page, live_server: LiveServer, demo_department: DemoDepartment, tmp_path: object
) -> None:
    ticket = demo_department.ticket
    log_in(page, live_server.url, "demo-l1")
    expect(page.locator(".sidebar")).to_be_visible()

    page.goto(f"{live_server.url}/desk/?team=support&level=L1")
    row_link = page.locator(f"a[href='/desk/tickets/{ticket.number}/']").first
    expect(row_link).to_be_visible()
    page.screenshot(path=str(tmp_path) + "/queue.png", full_page=True)  # type: ignore[operator]
    row_link.click()
    expect(page.locator("h1")).to_contain_text(ticket.subject)

    reply = "Bitte starten Sie den Router neu und melden Sie sich wieder."
    page.fill("#reply-form textarea[name=body]", reply)
    page.click("#reply-form button[type=submit]")
    # The demo ticket may already hold replies (it depends on the time of day the
    # demo was loaded at), so look for this one.
    expect(page.locator(".message.reply").filter(has_text=reply)).to_have_count(1)

    page.click("#escalate > summary")
    page.select_option("#escalate-form select[name=to_level]", "L2")
    page.fill("#escalate-form textarea[name=reason]", "Verbindungsabbruch trotz Neustart")
    page.fill("#escalate-form textarea[name=summary]", "Neustart und Firmware geprüft.")
    page.click("#escalate-form button[type=submit]")
    expect(page.locator(".badge.level")).to_contain_text("Second Level")
    expect(page.locator(".timeline")).to_contain_text("Neustart und Firmware geprüft.")
    page.screenshot(path=str(tmp_path) + "/ticket.png", full_page=True)  # type: ignore[operator]

    ticket.refresh_from_db()
    assert ticket.level.code == "L2"
    assert Message.objects.filter(
        ticket=ticket, is_public=True, author=demo_department.l1, body_text=reply
    ).exists()
    kinds = set(ticket.events.filter(actor=demo_department.l1).values_list("kind", flat=True))
    assert {EventKind.REPLY, EventKind.ESCALATED} <= kinds
    escalation = Escalation.objects.get(ticket=ticket)
    assert escalation.reason == "Verbindungsabbruch trotz Neustart"
    assert escalation.summary == "Neustart und Firmware geprüft."
