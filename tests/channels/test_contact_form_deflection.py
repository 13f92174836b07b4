"""The public contact form suggests help-center articles as the visitor types, and counts them.

Visitors are anonymous: only public articles are ever suggested, "this solved my
problem" works without an account, and sending anyway records what was shown.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone, translation

from tests import factories
from tierdesk.knowledge.demo_content import load_help_center
from tierdesk.knowledge.models import (
    Article,
    DeflectionAttempt,
    DeflectionOutcome,
    DeflectionShown,
    SearchSource,
    Section,
    Visibility,
)
from tierdesk.knowledge.selectors import (
    Period,
    deflection_by_channel,
    deflection_rate,
    deflection_report,
)
from tierdesk.knowledge.services import (
    article_create,
    suggest_articles,
    translation_publish,
)
from tierdesk.routing.models import RoutingRule
from tierdesk.tickets.models import Channel, Ticket

pytestmark = pytest.mark.django_db

PUBLIC_TITLE = "Rücksendung anmelden und Etikett ausdrucken"
INTERNAL_TITLE = "Rücksendung anmelden: Etikett ausdrucken für Sonderfälle (intern)"
TYPED_SUBJECT = "Rücksendung Etikett ausdrucken"


@pytest.fixture
def help_center() -> None:
    """The demo help center plus an internal article worded like the public return-label one."""
    load_help_center()
    editor = factories.agent("publisher", level="L2")
    internal = article_create(
        actor=editor,
        section=Section.objects.get(slug="returns"),
        language="de",
        title=INTERNAL_TITLE,
        body="Rücksendung anmelden, Etikett ausdrucken: Sonderfälle mit Gutschrift nur nach Rückfrage.",
        keywords="Rücksendung, Etikett, ausdrucken, Retoure",
        visibility=Visibility.INTERNAL,
    )
    translation_publish(actor=editor, translation=internal.translations.get())


def _suggest(client: Client, subject: str, *, token: str = "", message: str = "") -> str:
    """What the contact form's fields send to the suggestion endpoint while someone types."""
    response = client.post(
        "/help/suggest/",
        {
            "name": "Erika Muster",
            "email": "erika@example.com",
            "subject": subject,
            "message": message,
            "deflection_token": token,
            "channel": SearchSource.CONTACT_FORM,
            "language": "de",
        },
    )
    assert response.status_code == 200
    return response.content.decode()


def _token(html: str) -> str:
    found = re.search(r'id="deflection-token" value="([^"]*)"', html)
    assert found is not None, html
    return found.group(1)


def _contact(client: Client, **fields: str) -> object:
    data = {
        "name": "Erika Muster",
        "email": "erika@example.com",
        "subject": TYPED_SUBJECT,
        "message": "Ich habe keinen Drucker. Wie bekomme ich das Etikett?",
        "website": "",
        **fields,
    }
    return client.post("/contact/", data)


def test_the_contact_page_asks_for_suggestions_while_typing(help_center: None) -> None:
    page = Client().get("/contact/").content.decode()

    start = page.index('id="contact-form"')
    form = page[start : page.index("</form>", start)]
    for field in ('name="subject"', 'name="message"'):
        tag = re.search(rf"<[^>]*{field}[^>]*>", form)
        assert tag is not None
        assert 'hx-post="/help/suggest/"' in tag.group(0)
        assert "delay:" in tag.group(0)
    assert 'id="deflection-token"' in form and 'name="deflection_token"' in form
    assert 'id="deflection-channel" name="channel" value="contact_form"' in form
    # The "solved" buttons are forms of their own, so the region is outside the contact form.
    assert 'id="article-suggestions"' in page and 'id="article-suggestions"' not in form


def test_visitor_sees_public_articles_never_internal_ones(
    help_center: None, department: factories.Department
) -> None:
    html = _suggest(Client(), TYPED_SUBJECT)

    assert PUBLIC_TITLE in html
    assert INTERNAL_TITLE not in html
    assert "This solved my problem" in html
    # Same words, but only agents may read it: the filter is the visitor, not the wording.
    agent_titles = [
        item.title
        for item in suggest_articles(text=TYPED_SUBJECT, language="de", user=department.l1)
    ]
    assert INTERNAL_TITLE in agent_titles
    internal = Article.objects.get(
        visibility=Visibility.INTERNAL, translations__title=INTERNAL_TITLE
    )
    assert not DeflectionShown.objects.filter(article=internal).exists()
    # The message field (not only the subject) is searched too.
    assert PUBLIC_TITLE in _suggest(Client(), "Frage", message="Rücksendung Etikett ausdrucken")


def test_solved_from_the_contact_form_counts_one_deflected_attempt(help_center: None) -> None:
    visitor = Client()
    token = _token(_suggest(visitor, "Rücksendung"))
    token = _token(_suggest(visitor, TYPED_SUBJECT, token=token))  # the same attempt, more words
    attempt = DeflectionAttempt.objects.get()
    solved_by = DeflectionShown.objects.get(attempt=attempt, rank=1).article_id

    response = visitor.post("/help/solved/", {"deflection_token": token, "article": solved_by})

    assert response.status_code == 200
    assert "Glad we could help" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.outcome == DeflectionOutcome.DEFLECTED
    assert attempt.channel == SearchSource.CONTACT_FORM
    assert attempt.user is None
    assert attempt.solved_by_id == solved_by
    assert Ticket.objects.count() == 0
    now = timezone.now()
    figures = deflection_rate(Period(start=now.replace(year=now.year - 1), end=now))
    assert (figures.attempts, figures.deflected, figures.submitted, figures.rate) == (1, 1, 0, 1.0)


def test_sending_anyway_creates_the_ticket_and_records_what_was_shown(help_center: None) -> None:
    RoutingRule.objects.create(name="Kontaktformular", source="contact-form", set_tags="formular")
    visitor = Client()
    html = _suggest(visitor, TYPED_SUBJECT)
    shown_in_page = {int(value) for value in re.findall(r'name="article" value="(\d+)"', html)}

    response = _contact(visitor, deflection_token=_token(html))

    assert response.status_code == 302  # type: ignore[attr-defined]
    ticket = Ticket.objects.get()
    assert ticket.channel == Channel.WEB
    attempt = DeflectionAttempt.objects.get()
    assert attempt.outcome == DeflectionOutcome.SUBMITTED
    assert attempt.ticket_id == ticket.pk
    assert attempt.ended_at is not None
    recorded = set(
        DeflectionShown.objects.filter(attempt=attempt).values_list("article_id", flat=True)
    )
    assert recorded == shown_in_page and recorded
    # The routing rules see which form the request came through.
    assert "formular" in ticket.tags.values_list("name", flat=True)


def test_a_forged_token_still_sends_the_request_and_counts_nothing(help_center: None) -> None:
    visitor = Client()
    token = _token(_suggest(visitor, TYPED_SUBJECT))

    response = _contact(visitor, deflection_token=token[:-3] + "abc")

    assert response.status_code == 302  # type: ignore[attr-defined]
    assert Ticket.objects.count() == 1
    assert DeflectionAttempt.objects.get().outcome == DeflectionOutcome.OPEN


def test_a_customers_token_cannot_be_used_by_someone_else(
    help_center: None, department: factories.Department
) -> None:
    customer = Client()
    customer.force_login(department.customer_a)
    token = _token(_suggest(customer, TYPED_SUBJECT))
    shown = DeflectionShown.objects.get(rank=1)

    refused = Client().post(
        "/help/solved/", {"deflection_token": token, "article": shown.article_id}
    )

    assert refused.status_code == 400
    assert DeflectionAttempt.objects.get().outcome == DeflectionOutcome.OPEN


def test_contact_form_attempts_are_in_the_report_by_topic(help_center: None) -> None:
    deflected = Client()
    token = _token(_suggest(deflected, TYPED_SUBJECT))
    first = DeflectionShown.objects.get(attempt__outcome=DeflectionOutcome.OPEN, rank=1)
    deflected.post("/help/solved/", {"deflection_token": token, "article": first.article_id})
    submitted = Client()
    _contact(submitted, deflection_token=_token(_suggest(submitted, TYPED_SUBJECT)))
    _suggest(Client(), TYPED_SUBJECT)  # typed, then left the page

    now = timezone.now()
    period = Period(start=now.replace(year=now.year - 1), end=now.replace(year=now.year + 1))
    figures = deflection_rate(period)
    with translation.override("en"):
        rows = deflection_report(period, by="month")

    assert set(DeflectionAttempt.objects.values_list("channel", flat=True)) == {"contact_form"}
    assert (figures.attempts, figures.deflected, figures.submitted, figures.abandoned) == (
        3,
        1,
        1,
        1,
    )
    assert figures.rate == pytest.approx(0.5)
    assert [row.category for row in rows] == ["Orders, shipping and returns"]
    assert (rows[0].figures.deflected, rows[0].figures.submitted) == (1, 1)


def test_the_report_tells_the_contact_form_from_the_portal(
    help_center: None, department: factories.Department
) -> None:
    visitor = Client()
    token = _token(_suggest(visitor, TYPED_SUBJECT))
    shown = DeflectionShown.objects.get(rank=1)
    visitor.post("/help/solved/", {"deflection_token": token, "article": shown.article_id})
    customer = Client()
    customer.force_login(department.customer_a)
    response = customer.post(
        "/help/suggest/",
        {"subject": TYPED_SUBJECT, "body": "", "channel": SearchSource.PORTAL, "language": "de"},
    )
    assert response.status_code == 200

    now = timezone.now()
    period = Period(start=now.replace(year=now.year - 1), end=now.replace(year=now.year + 1))
    by_channel = {row.channel: row.figures for row in deflection_by_channel(period)}
    contact_only = deflection_rate(period, channel=SearchSource.CONTACT_FORM)
    portal_rows = deflection_report(period, by="month", channel=SearchSource.PORTAL)

    assert (by_channel["contact_form"].attempts, by_channel["contact_form"].deflected) == (1, 1)
    assert (by_channel["portal"].attempts, by_channel["portal"].deflected) == (1, 0)
    assert (contact_only.attempts, contact_only.rate) == (1, 1.0)
    assert sum(row.figures.attempts for row in portal_rows) == 1
    manager = Client()
    manager.force_login(department.manager)
    page = manager.get("/help/manage/analytics/?channel=portal").content.decode()
    assert 'id="deflection-by-channel"' in page
    assert re.search(r'id="deflection-attempts">1<', page)


def test_german_typed_on_the_english_page_still_finds_german_articles(
    help_center: None,
) -> None:
    visitor = Client()
    response = visitor.post(
        "/help/suggest/",
        {"subject": "Rücksendeetikett drucken", "message": "", "channel": "contact_form"},
        headers={"Accept-Language": "en"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "/help/a/return-label/?lang=de" in html
    assert DeflectionAttempt.objects.get().language == "de"
