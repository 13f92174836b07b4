"""Queue entries come from the timeline: arrivals where a ticket was created, escalations where it went."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest
from django.utils import timezone

from tests import factories
from tierdesk.planning.series import counts_per_interval, entry_frame, queue_entries
from tierdesk.tickets.services import ticket_escalate

pytestmark = pytest.mark.django_db


def test_an_escalated_ticket_arrives_at_first_level_and_enters_second_level() -> None:
    department = factories.Department.build()
    ticket = factories.ticket(department.customer_a, channel="email")
    ticket.refresh_from_db()
    first_level = ticket.level.code
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="Braucht Protokolle")
    end = timezone.now() + timedelta(minutes=1)
    entries = [e for e in queue_entries(start=None, end=end) if e.ticket_id == ticket.pk]
    assert [(e.kind, e.level_code) for e in entries] == [
        ("arrival", first_level),
        ("escalation", "L2"),
    ]
    assert {e.team_slug for e in entries} == {ticket.team.slug}


def test_entries_after_the_end_are_left_out_but_still_rewind_the_state() -> None:
    department = factories.Department.build()
    ticket = factories.ticket(department.customer_a, channel="phone")
    cut = timezone.now() + timedelta(microseconds=1)
    ticket.refresh_from_db()
    ticket_escalate(ticket, actor=department.l1, to_level="L2", reason="Braucht Protokolle")
    entries = [e for e in queue_entries(start=None, end=cut) if e.ticket_id == ticket.pk]
    # Created before the cut at First Level; the later escalation is not an entry.
    assert [(e.kind, e.level_code) for e in entries] == [("arrival", "L1")]


def test_counts_are_per_local_interval_and_queue_kind() -> None:
    department = factories.Department.build()
    for channel in ("email", "web", "phone"):
        factories.ticket(department.customer_a, channel=channel)
    frame = entry_frame(
        queue_entries(start=None, end=timezone.now() + timedelta(minutes=1)), "Europe/Berlin"
    )
    first = frame["local"].min().floor("D")
    counts = counts_per_interval(
        frame, first=first, last=first + pd.Timedelta(days=1), interval_minutes=30
    )
    team = frame["team"].iloc[0]
    assert counts[(team, "L1", "written")].sum() == 2
    assert counts[(team, "L1", "phone")].sum() == 1
    assert len(counts[(team, "L1", "phone")]) == 48
