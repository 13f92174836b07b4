"""A visitor types into the contact form, sees a matching article and says it solved the problem."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tierdesk.knowledge.demo_content import load_help_center
from tierdesk.knowledge.models import DeflectionAttempt, DeflectionOutcome, SearchSource
from tierdesk.tickets.models import Ticket

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARTICLE = "Registering a return and printing the label"


def test_visitor_is_helped_by_a_suggestion(page: Page, live_server: LiveServer) -> None:
    load_help_center()
    page.goto(f"{live_server.url}/contact/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("#contact-form input[name=subject]").press_sequentially("return label", delay=40)
    suggestion = page.locator("#article-suggestions li", has_text=ARTICLE)
    expect(suggestion).to_be_visible()
    assert page.locator("#deflection-token").input_value() != ""

    suggestion.get_by_role("button", name="This solved my problem").click()

    expect(page.locator("h1")).to_have_text("Glad we could help")
    attempt = DeflectionAttempt.objects.get()
    assert attempt.outcome == DeflectionOutcome.DEFLECTED
    assert attempt.channel == SearchSource.CONTACT_FORM
    assert attempt.solved_by is not None and attempt.solved_by.key == "return-label"
    assert Ticket.objects.count() == 0
