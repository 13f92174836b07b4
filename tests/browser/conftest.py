"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, sync_playwright

from tierdesk.accounts.models import Role, User
from tierdesk.tickets.models import Status, Ticket
from tierdesk.tickets.selectors import queue

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "demo"


@dataclass
class DemoDepartment:
    l1: User
    l2: User
    l3: User
    manager: User
    customer: User
    ticket: Ticket


@pytest.fixture
def demo_department(transactional_db: None) -> DemoDepartment:
    """The demo department as ``tierdesk demo`` loads it (one month, small volume).

    Its logins use the password "demo"; ``ticket`` is a waiting ticket in the
    Customer Support First Level queue, the first that ``demo-l1`` sees there.
    """
    call_command("demo", months=1, scale=0.05, stdout=StringIO())
    people = {user.username: user for user in User.objects.filter(username__startswith="demo-")}
    l1 = people["demo-l1"]
    ticket = (
        queue(l1, team_slug="support", level_code="L1")
        .filter(status__in=[Status.NEW, Status.OPEN], merged_into__isnull=True)
        .first()
    )
    if ticket is None:
        pytest.fail("the demo department has no waiting ticket in Customer Support, First Level")
    assert people["demo-manager"].role == Role.SERVICE_MANAGER
    return DemoDepartment(
        l1=l1,
        l2=people["demo-l2"],
        l3=people["demo-l3"],
        manager=people["demo-manager"],
        customer=people["demo-customer"],
        ticket=ticket,
    )


@pytest.fixture
def page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A fresh Chromium profile; a screenshot lands in tmp_path if the test fails."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed at /usr/bin/chromium")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # in the test body are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            locale="en-GB",
            viewport={"width": 1400, "height": 1000},
        )
        context.set_default_timeout(15_000)
        browser_page = context.pages[0] if context.pages else context.new_page()
        try:
            yield browser_page
        finally:
            report = getattr(request.node, "rep_call", None)
            if report is not None and report.failed:
                browser_page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
            context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("form.stacked button[type=submit]")
    page.wait_for_load_state("networkidle")
