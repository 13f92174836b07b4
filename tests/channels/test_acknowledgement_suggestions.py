"""The acknowledgement mail lists up to three public help-center articles that match the request.

End to end: the request arrives (contact form, mail to the SMTP listener, portal),
the real worker sends the acknowledgement to an SMTP sink, and the test reads
the mail as the customer gets it.
"""

from __future__ import annotations

import re
from email.message import EmailMessage

import pytest
from django.conf import settings
from django.test import Client

from tests import factories
from tests.channels.conftest import Listener, Sink, make_mail, run_worker
from tierdesk.knowledge.demo_content import load_help_center
from tierdesk.knowledge.models import Article, ArticleTranslation, Section, Visibility
from tierdesk.knowledge.services import article_create, suggest_articles, translation_publish
from tierdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTICLE_LINK = re.compile(r"(https?://\S+)/help/a/([\w-]+)/\?lang=(de|en)")
INTRO_DE = "Vielleicht beantworten diese Artikel aus unserem Hilfe-Center Ihre Frage schon:"
INTRO_EN = "These articles from our help center may already answer your question:"
INTERNAL_TITLE = "Rücksendung anmelden: Etikett ausdrucken für Sonderfälle (intern)"


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


def _parts(mail: EmailMessage) -> tuple[str, str]:
    text = mail.get_body(preferencelist=("plain",))
    markup = mail.get_body(preferencelist=("html",))
    assert text is not None and markup is not None
    return text.get_content().replace("\r\n", "\n"), markup.get_content()


def _acknowledgement(sink: Sink, address: str) -> EmailMessage:
    run_worker()
    received = sink.to(address)
    assert len(received) == 1
    return received[0]


def _assert_public_links(text: str, markup: str, *, language: str) -> list[str]:
    """The linked articles: 1 to 3, public, published in ``language``, absolute and clickable."""
    links = ARTICLE_LINK.findall(text)
    assert 1 <= len(links) <= 3, text
    keys = [key for _base, key, _language in links]
    for base, key, link_language in links:
        assert base == settings.TIERDESK_BASE_URL.rstrip("/")
        assert link_language == language
        article = Article.objects.get(key=key)
        assert article.visibility == Visibility.PUBLIC
        assert article.translations.filter(
            language=language, published_version__isnull=False
        ).exists()
        url = f"{base}/help/a/{key}/?lang={language}"
        assert f'<a href="{url}">{url}</a>' in markup
    internal_keys = Article.objects.filter(visibility=Visibility.INTERNAL).values_list(
        "key", flat=True
    )
    assert not set(keys) & set(internal_keys)
    assert INTERNAL_TITLE not in text
    return keys


def test_german_contact_request_gets_german_public_suggestions(
    help_center: None, smtp_sink: Sink
) -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    subject = "Rücksendung Etikett ausdrucken"
    # The internal article would match just as well, were the mail written as an agent sees it.
    assert INTERNAL_TITLE in [
        item.title
        for item in suggest_articles(
            text=subject, language="de", user=factories.agent("reader"), limit=5
        )
    ]

    response = client.post(
        "/contact/",
        {
            "name": "Erika Muster",
            "email": "erika@example.com",
            "subject": subject,
            "message": "Ich habe keinen Drucker. Wie bekomme ich das Etikett?",
            "website": "",
        },
    )

    assert response.status_code == 302
    assert Ticket.objects.get().language == "de"
    text, markup = _parts(_acknowledgement(smtp_sink, "erika@example.com"))
    assert INTRO_DE in text and INTRO_EN not in text
    keys = _assert_public_links(text, markup, language="de")
    assert keys[0] == "return-label"
    german_title = ArticleTranslation.objects.get(article__key="return-label", language="de")
    assert f"- {german_title.published_title}\n" in text


def test_mail_request_gets_suggestions_in_its_language(
    help_center: None, mailbox: object, listener: Listener, smtp_sink: Sink
) -> None:
    mail = make_mail(
        sender="Kim Customer <kim@example.com>",
        subject="Return label",
        body="Hello, how do I print the return label for my parcel? I want to send the device back.",
    )
    listener.send(mail, sender="kim@example.com")

    run_worker()  # turns the mail into a ticket; the acknowledgement is queued
    text, markup = _parts(_acknowledgement(smtp_sink, "kim@example.com"))

    assert INTRO_EN in text
    assert "return-label" in _assert_public_links(text, markup, language="en")


def test_portal_request_gets_suggestions(
    help_center: None, department: factories.Department, smtp_sink: Sink
) -> None:
    customer = Client()
    customer.force_login(department.customer_a)
    customer.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"

    response = customer.post(
        "/portal/new/",
        {"subject": "Rechnung herunterladen", "body": "Wo finde ich meine Rechnung als PDF?"},
    )

    assert response.status_code == 302
    text, markup = _parts(_acknowledgement(smtp_sink, department.customer_a.email))
    assert INTRO_DE in text
    assert "invoice-download" in _assert_public_links(text, markup, language="de")


def test_request_matching_nothing_gets_a_mail_without_suggestions(
    help_center: None, smtp_sink: Sink
) -> None:
    # "example" (of the address) is in several English articles; the contact form's
    # sender line names who wrote, so it is not searched.
    response = Client().post(
        "/contact/",
        {
            "name": "Erika Muster",
            "email": "erika@example.com",
            "subject": "Qwxzv Jjkkpp",
            "message": "Blorfen gnarzt",
            "website": "",
        },
    )

    assert response.status_code == 302
    ticket = Ticket.objects.get()
    text, markup = _parts(_acknowledgement(smtp_sink, "erika@example.com"))
    assert f"#{ticket.number}" in text
    assert "/help/" not in text and "<a " not in markup
    assert INTRO_EN not in text and INTRO_DE not in text
    # The text goes straight from the request number to the greeting, as before.
    assert "this request.\n\nKind regards" in text
