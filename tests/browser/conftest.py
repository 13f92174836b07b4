"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from tests import factories
from tierdesk.accounts.models import Role, User
from tierdesk.tickets.models import Ticket

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
    """The demo logins (password "demo") and one waiting ticket in Customer Support, L1.

    Stands in for ``tierdesk demo`` until that command exists; keep all user
    creation here so that switching to the command touches one function.
    """

    def with_demo_password(user: User) -> User:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        return user

    l1 = with_demo_password(factories.agent("demo-l1", level="L1"))
    l2 = with_demo_password(factories.agent("demo-l2", level="L2"))
    l3 = with_demo_password(factories.agent("demo-l3", level="L3"))
    manager = with_demo_password(factories.manager("demo-manager"))
    customer = with_demo_password(factories.customer("demo-customer", language="en"))
    ticket = factories.ticket(
        customer, subject="Router verliert die Verbindung", body="Jeden Abend gegen 20 Uhr."
    )
    assert manager.role == Role.SERVICE_MANAGER
    return DemoDepartment(l1=l1, l2=l2, l3=l3, manager=manager, customer=customer, ticket=ticket)


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
