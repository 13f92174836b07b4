"""Minutes spent, entered with a reply, note or call, keep the team × level × channel of then."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import MAX_MINUTES_PER_ENTRY, Channel, Message, TimeEntry
from tierdesk.tickets.services import (
    ticket_add_note,
    ticket_escalate,
    ticket_log_call,
    ticket_reply,
    time_entry_add,
)
from tierdesk.tickets.services.time_accounting import ticket_minutes_spent


def test_reply_writes_an_entry_with_the_tickets_team_level_and_channel(department):
    ticket = factories.ticket(department.customer_a, channel=Channel.EMAIL)

    message = ticket_reply(ticket, actor=department.l1, body="Bitte neu starten.", minutes_spent=7)

    entry = TimeEntry.objects.get(ticket=ticket)
    assert (entry.message, entry.agent, entry.minutes) == (message, department.l1, 7)
    assert (entry.team, entry.level.code, entry.channel) == (ticket.team, "L1", Channel.EMAIL)


def test_entry_keeps_the_old_level_after_an_escalation(department):
    ticket = factories.ticket(department.customer_a)
    ticket_add_note(ticket, actor=department.l1, body="Logs geprüft", minutes_spent=12)

    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="Fehlerbild unklar")
    ticket_add_note(ticket, actor=department.l2, body="Firmware analysiert", minutes_spent=30)

    levels = list(TimeEntry.objects.filter(ticket=ticket).values_list("level__code", "minutes"))
    assert levels == [("L1", 12), ("L2", 30)]
    assert ticket_minutes_spent(ticket) == 42


def test_logged_call_counts_its_duration_rounded_up(department):
    ticket = factories.ticket(department.customer_a)

    ticket_log_call(ticket, actor=department.l1, summary="Rückruf", duration_seconds=61)
    ticket_log_call(
        ticket, actor=department.l1, summary="Nachbereitung", duration_seconds=60, minutes_spent=9
    )

    entries = list(TimeEntry.objects.filter(ticket=ticket).values_list("minutes", "channel"))
    assert entries == [(2, Channel.PHONE), (9, Channel.PHONE)]


def test_time_without_a_message(department):
    ticket = factories.ticket(department.customer_a)

    entry = time_entry_add(ticket, actor=department.l2, minutes=25)

    assert entry.message is None
    assert ticket_minutes_spent(ticket) == 25
    with pytest.raises(NotAllowed):
        time_entry_add(ticket, actor=department.customer_a, minutes=5)


@pytest.mark.parametrize("minutes", [0, -5, MAX_MINUTES_PER_ENTRY + 1, "ten", 2.5, True])
def test_invalid_minutes_are_refused_and_nothing_is_saved(department, minutes):
    ticket = factories.ticket(department.customer_a)
    messages_before = Message.objects.filter(ticket=ticket).count()
    version_before = ticket.version

    for write in (
        lambda: ticket_reply(ticket, actor=department.l1, body="Antwort", minutes_spent=minutes),
        lambda: ticket_add_note(ticket, actor=department.l1, body="Notiz", minutes_spent=minutes),
        lambda: ticket_log_call(
            ticket, actor=department.l1, summary="Anruf", duration_seconds=30, minutes_spent=minutes
        ),
        lambda: time_entry_add(ticket, actor=department.l1, minutes=minutes),
    ):
        with pytest.raises(InvalidChange, match="minute"):
            write()

    ticket.refresh_from_db()
    assert Message.objects.filter(ticket=ticket).count() == messages_before
    assert ticket.version == version_before
    assert not TimeEntry.objects.filter(ticket=ticket).exists()


def test_merging_moves_the_time_entries_to_the_target(department):
    from tierdesk.tickets.services import ticket_merge

    target = factories.ticket(department.customer_a)
    duplicate = factories.ticket(department.customer_a, subject="Drucker noch immer kaputt")
    ticket_add_note(duplicate, actor=department.l1, body="Geprüft", minutes_spent=8)

    ticket_merge(duplicate, into=target, actor=department.l1)

    assert ticket_minutes_spent(target) == 8
    assert ticket_minutes_spent(duplicate) == 0
