"""From the ticket view: find an article link, turn a reply into a draft article."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.knowledge.models import Article, TranslationState, Visibility
from tierdesk.tickets.services import ticket_reply

pytestmark = pytest.mark.django_db
Login = Callable[[User | None], Client]


def test_link_search_panel(
    help_center: int, department: factories.Department, login: Login
) -> None:
    ticket = factories.ticket(department.customer_a)
    page = login(department.l1).get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "/help/manage/links/" in page

    results = (
        login(department.l1).get("/help/manage/links/?q=Rücksendeetikett&lang=de").content.decode()
    )
    assert 'data-url="http' in results and "/help/a/return-label/?lang=de" in results
    assert login(department.customer_a).get("/help/manage/links/?q=x").status_code == 403


def test_reply_becomes_an_internal_draft(
    help_center: int, department: factories.Department, login: Login
) -> None:
    ticket = factories.ticket(department.customer_a, subject="Thermostat zeigt E-302")
    message = ticket_reply(
        ticket, actor=department.l1, body="Bitte den Ventilstift lösen und neu kalibrieren."
    )
    page = login(department.l1).get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert f"/help/manage/from-message/{message.pk}/" in page

    response = login(department.l1).post(f"/help/manage/from-message/{message.pk}/")

    assert response.status_code == 302
    article = Article.objects.exclude(
        key__in=Article.objects.filter(created_by__isnull=True).values("key")
    ).get()
    translation = article.translations.get()
    assert article.visibility == Visibility.INTERNAL
    assert translation.state == TranslationState.DRAFT
    assert translation.title == "Thermostat zeigt E-302"
    assert "Ventilstift" in translation.body_text
    assert response["Location"] == f"/help/manage/{article.key}/de/"


def test_customer_message_or_foreign_ticket_refused(
    help_center: int, department: factories.Department, login: Login
) -> None:
    ticket = factories.ticket(department.customer_a)
    customer_message = ticket.messages.get()
    before = Article.objects.count()
    response = login(department.l1).post(f"/help/manage/from-message/{customer_message.pk}/")
    assert response.status_code == 302
    assert Article.objects.count() == before
    assert (
        login(department.customer_a)
        .post(f"/help/manage/from-message/{customer_message.pk}/")
        .status_code
        == 403
    )
