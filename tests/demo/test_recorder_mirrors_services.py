"""The history recorder writes what the ticket services write, call for call.

The same scenario is played through the services and through the recorder; the
timeline (kinds, data keys and values) and the ticket's final state must agree.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.demo.recorder import Rows, TicketRecorder, TicketRow
from tierdesk.teams.models import Level
from tierdesk.tickets.models import EventKind, HelpRequest, Status, Ticket
from tierdesk.tickets.services import (
    help_request_answer,
    help_request_create,
    ticket_add_note,
    ticket_create,
    ticket_customer_message,
    ticket_de_escalate,
    ticket_escalate,
    ticket_reply,
    ticket_update,
)

SUBJECT, BODY = "App stürzt ab", "Seit dem Update stürzt die App beim Start ab."
VARYING = {"message_id", "reasons"}


def _comparable(kind: str, data: dict[str, Any]) -> tuple[str, tuple[tuple[str, Any], ...]]:
    return kind, tuple(sorted((k, v if k not in VARYING else "…") for k, v in data.items()))


def _through_services(department: factories.Department) -> tuple[Ticket, list[tuple[str, Any]]]:
    d = department
    ticket = ticket_create(requester=d.customer_a, subject=SUBJECT, body=BODY)
    ticket_update(ticket, actor=d.l1, expected_version=ticket.version, assignee=d.l1,
                  ticket_type="incident", tags=["app"])  # fmt: skip
    ticket_reply(ticket, actor=d.l1, body="Welche Version?", new_status=Status.PENDING_CUSTOMER)
    ticket_customer_message(ticket, author=d.customer_a, body="Version 5.0.1")
    ticket_escalate(ticket, actor=d.l1, to_level="L2", reason="Unklar", summary="App 5.0.1")
    ticket_update(ticket, actor=d.l2, expected_version=None, assignee=d.l2)
    ticket_escalate(ticket, actor=d.l2, to_level="L3", reason="Fehler?", summary="Absturz")
    ticket_update(ticket, actor=d.l3, expected_version=None, assignee=d.l3)
    ticket_add_note(ticket, actor=d.l3, body="Ursache gefunden.")
    ticket_de_escalate(ticket, actor=d.l3, to_level="L2", reason="Gelöst", summary="Fix")
    request = help_request_create(ticket, requested_by=d.l2, helper=d.lead, question="Kulanz?")
    help_request_answer(HelpRequest.objects.get(pk=request.pk), actor=d.lead, answer="Ja.")
    ticket.refresh_from_db()
    ticket_reply(ticket, actor=d.l2, body="Behoben.", new_status=Status.SOLVED)
    ticket_update(ticket, actor=d.l2, expected_version=None, status=Status.CLOSED)
    ticket.refresh_from_db()
    events = [_comparable(e.kind, e.data) for e in ticket.events.order_by("created_at", "id")]
    return ticket, events


def _through_recorder(department: factories.Department) -> tuple[TicketRow, list[tuple[str, Any]]]:
    users = {
        u.username: u
        for u in User.objects.select_related("agent_profile__level", "organisation").filter(
            username__in=["l1", "l2", "l3", "lead", "anna"]
        )
    }
    levels = {level.code: level for level in Level.objects.all()}
    l1, l2, l3, lead, customer = (users[n] for n in ("l1", "l2", "l3", "lead", "anna"))
    start = timezone.now() - timedelta(days=3)
    ticket = TicketRow(
        id=1, number=1, subject=SUBJECT, requester=customer, organisation_id=None,
        channel="web", team=l1.team_memberships.get().team, level=levels["L1"], priority=2,
        type="question", language="de", created_at=start, updated_at=start,
    )  # fmt: skip
    rec = TicketRecorder(Rows(first_ticket_id=1, first_message_id=1), ticket, now=timezone.now())
    rec.create(actor=customer, body=BODY, reasons=["default team support"])
    at = iter(start + timedelta(hours=h) for h in range(1, 40))
    rec.update(next(at), l1, assignee=l1, ticket_type="incident", tags=["app"])
    rec.reply(next(at), l1, "Welche Version?", new_status=Status.PENDING_CUSTOMER)
    rec.customer_message(next(at), "Version 5.0.1")
    rec.escalate(next(at), l1, levels["L2"], "Unklar", "App 5.0.1")
    rec.update(next(at), l2, assignee=l2)
    rec.escalate(next(at), l2, levels["L3"], "Fehler?", "Absturz")
    rec.update(next(at), l3, assignee=l3)
    rec.note(next(at), l3, "Ursache gefunden.")
    rec.de_escalate(next(at), l3, levels["L2"], "Gelöst", "Fix")
    rec.help_request(next(at), l2, lead, "Kulanz?", answer="Ja.", answered_at=next(at))
    rec.reply(next(at), l2, "Behoben.", new_status=Status.SOLVED)
    rec.update(next(at), l2, status=Status.CLOSED)
    events = [_comparable(e.kind, e.data) for e in rec.rows.events]
    return ticket, events


def test_recorder_writes_the_services_timeline(department: factories.Department) -> None:
    real, real_events = _through_services(department)
    mirror, mirror_events = _through_recorder(department)
    assert mirror_events == real_events
    assert [kind for kind, _ in real_events].count(EventKind.ESCALATED) == 2
    for field in ("status", "type", "priority", "version"):
        assert getattr(mirror, field) == getattr(real, field), field
    assert mirror.level.code == real.level.code == "L2"
    assert mirror.assignee is not None and real.assignee is not None
    assert mirror.assignee.username == real.assignee.username == "l2"
    assert (mirror.first_response_at is None) == (real.first_response_at is None)
    assert (mirror.closed_at is None) == (real.closed_at is None)
