"""demo-customer switches to German and submits a request with umlauts and ß."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import DemoDepartment, log_in
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Ticket

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUBJECT = "Größe passt nicht – Rücksendung für Schuhe"
BODY = "Grüße! Die Schuhe sind zu groß, ich möchte sie zurückschicken. Straße 5."


def test_customer_submits_a_request_in_german(
    page: Page, live_server: LiveServer, demo_department: DemoDepartment
) -> None:
    log_in(page, live_server.url, "demo-customer")
    expect(page).to_have_url(f"{live_server.url}/portal/")
    expect(page.locator("#new-request-link")).to_be_visible()

    page.select_option("#language-switch", "de")
    page.wait_for_load_state("networkidle")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    assert User.objects.get(username="demo-customer").language == "de"

    page.click("#new-request-link")
    page.fill("#new-request-form input[name=subject]", SUBJECT)
    page.fill("#new-request-form textarea[name=body]", BODY)
    page.select_option("#new-request-form select[name=ticket_type]", "return")
    page.click("#new-request-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text(SUBJECT)
    expect(page.locator(".message-body")).to_contain_text("Straße 5")

    ticket = Ticket.objects.get(subject=SUBJECT)
    assert ticket.requester == demo_department.customer
    assert ticket.type == "return"
    assert ticket.language == "de"
    assert "zu groß" in ticket.messages.get().body_text

    page.goto(f"{live_server.url}/portal/")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("#my-requests")).to_contain_text(SUBJECT)
    expect(page.locator("#my-requests")).to_contain_text(f"#{ticket.number}")
