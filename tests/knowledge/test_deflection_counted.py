"""Suggestions while typing a request; "this solved my problem" and submitting anyway are counted."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone, translation

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.knowledge.models import DeflectionAttempt, DeflectionOutcome, DeflectionShown
from tierdesk.knowledge.selectors import Period, deflection_rate, deflection_report
from tierdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db
Login = Callable[[User | None], Client]


def _suggest(client: Client, subject: str, token: str = "") -> tuple[str, str]:
    response = client.post(
        "/help/suggest/",
        {
            "subject": subject,
            "body": "",
            "deflection_token": token,
            "channel": "portal",
            "language": "de",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    found = re.search(r'id="deflection-token" value="([^"]*)"', html)
    assert found is not None
    return found.group(1), html


def test_solved_counts_as_deflected(
    help_center: int, department: factories.Department, login: Login
) -> None:
    client = login(department.customer_a)
    token, html = _suggest(client, "Rücksendeetikett")
    assert "Rücksendung anmelden und Etikett ausdrucken" in html
    assert token
    attempt = DeflectionAttempt.objects.get()
    article_id = DeflectionShown.objects.filter(attempt=attempt).order_by("rank").first().article_id  # type: ignore[union-attr]

    response = client.post("/help/solved/", {"deflection_token": token, "article": article_id})

    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.outcome == DeflectionOutcome.DEFLECTED
    assert attempt.solved_by_id == article_id
    assert attempt.category is not None and attempt.category.slug == "orders"
    assert Ticket.objects.count() == 0


def test_submitting_anyway_creates_the_ticket_and_records_what_was_shown(
    help_center: int, department: factories.Department, login: Login
) -> None:
    client = login(department.customer_a)
    token, _ = _suggest(client, "Batterie")
    token, _ = _suggest(client, "Batterie Türschloss leer", token)  # same attempt, more articles
    assert DeflectionAttempt.objects.count() == 1

    response = client.post(
        "/portal/new/",
        {
            "subject": "Batterie Türschloss leer",
            "body": "Das Schloss piept.",
            "deflection_token": token,
        },
    )

    assert response.status_code == 302
    attempt = DeflectionAttempt.objects.get()
    ticket = Ticket.objects.get()
    assert attempt.outcome == DeflectionOutcome.SUBMITTED
    assert attempt.ticket_id == ticket.pk
    shown = set(
        DeflectionShown.objects.filter(attempt=attempt).values_list("article__key", flat=True)
    )
    assert "s1-battery-change" in shown


def test_rate_and_report(help_center: int, department: factories.Department, login: Login) -> None:
    first = login(department.customer_a)
    token, _ = _suggest(first, "Passwort vergessen")
    shown = DeflectionShown.objects.get(attempt__user=department.customer_a, rank=1)
    first.post("/help/solved/", {"deflection_token": token, "article": shown.article_id})
    second = login(department.customer_b)
    token, _ = _suggest(second, "Rechnung herunterladen")
    second.post(
        "/portal/new/",
        {"subject": "Rechnung", "body": "Bitte schicken.", "deflection_token": token},
    )
    login(None).post(
        "/help/suggest/", {"subject": "Versandkosten", "channel": "contact_form", "language": "de"}
    )

    now = timezone.now()
    figures = deflection_rate(
        Period(start=now.replace(year=now.year - 1), end=now.replace(year=now.year + 1))
    )

    assert (figures.attempts, figures.deflected, figures.submitted, figures.abandoned) == (
        3,
        1,
        1,
        1,
    )
    assert figures.rate == pytest.approx(0.5)
    with translation.override("en"):
        rows = deflection_report(
            Period(start=now.replace(year=now.year - 1), end=now.replace(year=now.year + 1)),
            by="month",
        )
    assert sum(row.figures.attempts for row in rows) == 3
    by_topic = {row.category: row.figures for row in rows}
    assert by_topic["App and account"].deflected == 1
    assert by_topic["Subscription and billing"].submitted == 1
    assert by_topic["Orders, shipping and returns"].abandoned == 1
    page = login(department.manager).get("/help/manage/analytics/?days=30")
    assert page.status_code == 200
    assert 'id="deflection-rate">50 %' in page.content.decode()


def test_forged_or_foreign_token_is_refused(
    help_center: int, department: factories.Department, login: Login
) -> None:
    token, _ = _suggest(login(department.customer_a), "Passwort vergessen")
    shown = DeflectionShown.objects.get(rank=1)

    by_other = login(department.customer_b).post(
        "/help/solved/", {"deflection_token": token, "article": shown.article_id}
    )
    forged = login(department.customer_a).post(
        "/help/solved/", {"deflection_token": token[:-2] + "xx", "article": shown.article_id}
    )
    not_shown = login(department.customer_a).post(
        "/help/solved/", {"deflection_token": token, "article": 999999}
    )

    assert (by_other.status_code, forged.status_code, not_shown.status_code) == (400, 400, 400)
    assert DeflectionAttempt.objects.get().outcome == DeflectionOutcome.OPEN


def test_no_suggestions_no_attempt(help_center: int, login: Login) -> None:
    token, html = _suggest(login(None), "qqqq zzzz")
    assert token == ""
    assert "This solved my problem" not in html
    assert DeflectionAttempt.objects.count() == 0
