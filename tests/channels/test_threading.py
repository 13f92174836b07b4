"""Replies thread to their ticket: by our Message-IDs first, then by [#number] in the subject."""

from __future__ import annotations

import pytest

from tests import factories
from tests.channels.conftest import Listener, Sink, make_mail, run_worker
from tierdesk.channels.models import InboundMail, InboundState
from tierdesk.tickets.models import Status, Ticket
from tierdesk.tickets.services import ticket_reply

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reply_to_acknowledgement_and_agent_reply_thread(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    agent = factories.agent("mia", level="L1")
    first = make_mail(sender="kai@example.com", subject="Lieferung fehlt")
    listener.send(first, sender="kai@example.com")
    run_worker()
    ticket = Ticket.objects.get()
    ack = smtp_sink.to("kai@example.com")[0]

    # The customer answers the acknowledgement; the subject no longer has the number.
    answer = make_mail(
        sender="kai@example.com",
        subject="Re: something else entirely",
        body=(
            "Die Bestellnummer ist 4711.\n\nViele Grüße\nKai\n\n"
            "Am 01.03.2025 um 10:00 schrieb Support <support@tierdesk.localhost>:\n> Wir haben Ihre Anfrage erhalten"
        ),
        headers={
            "In-Reply-To": str(ack["Message-ID"]).strip(),
            "References": str(ack["Message-ID"]).strip(),
        },
    )
    listener.send(answer, sender="kai@example.com")
    run_worker()
    assert Ticket.objects.count() == 1
    latest = ticket.messages.order_by("-id").first()
    assert latest is not None and latest.from_customer
    new_part = latest.body_html.split("<hr>")[0]
    assert "4711" in new_part
    assert "Wir haben Ihre Anfrage erhalten" not in new_part  # the quote is split off …
    assert "Wir haben Ihre Anfrage erhalten" in latest.body_html  # … but kept below

    # The agent answers: the mail threads onto the customer's latest mail.
    ticket.refresh_from_db()
    ticket_reply(ticket, actor=agent, body="Wir schicken die Ware heute erneut.")
    run_worker()
    replies = [
        m
        for m in smtp_sink.to("kai@example.com")
        if "Wir schicken" in m.get_body(("plain",)).get_content()
    ]
    assert len(replies) == 1
    assert replies[0]["In-Reply-To"] == answer["Message-ID"]
    assert first["Message-ID"] in str(replies[0]["References"])
    assert replies[0]["Auto-Submitted"] is None  # a person wrote it


def test_ticket_number_in_subject_threads_without_headers(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    customer = factories.customer("lena")
    ticket = factories.ticket(customer, subject="Passwort vergessen")
    listener.send(
        make_mail(
            sender=customer.email, subject=f"Nachtrag [#{ticket.number}]", body="Es geht wieder."
        ),
        sender=customer.email,
    )
    run_worker()
    assert Ticket.objects.count() == 1
    assert ticket.messages.count() == 2
    assert InboundMail.objects.get().state == InboundState.PROCESSED


def test_stranger_using_a_ticket_number_gets_a_new_ticket(
    mailbox, listener: Listener, smtp_sink: Sink
) -> None:  # type: ignore[no-untyped-def]
    owner = factories.customer("olga")
    ticket = factories.ticket(owner, subject="Meine Adresse")
    listener.send(
        make_mail(sender="mallory@example.com", subject=f"Re: [#{ticket.number}]"),
        sender="mallory@example.com",
    )
    run_worker()
    assert ticket.messages.count() == 1
    assert Ticket.objects.count() == 2


def test_mail_on_a_solved_ticket_reopens_it(mailbox, listener: Listener, smtp_sink: Sink) -> None:  # type: ignore[no-untyped-def]
    department = factories.Department.build()
    ticket = factories.ticket(department.customer_a, subject="Kabel defekt")
    ticket_reply(
        ticket, actor=department.l1, body="Gelöst, bitte testen.", new_status=Status.SOLVED
    )
    listener.send(
        make_mail(
            sender=department.customer_a.email,
            subject=f"AW: [#{ticket.number}] Kabel defekt",
            body="Geht immer noch nicht.",
        ),
        sender=department.customer_a.email,
    )
    run_worker()
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
