"""A ticket made after the demo load continues the numbering after the history."""

from __future__ import annotations

from django.db.models import Max

from tierdesk.accounts.models import User
from tierdesk.demo.loader import DemoSummary
from tierdesk.tickets.models import Ticket
from tierdesk.tickets.services import ticket_create


def test_new_ticket_number_follows_history(small_demo: DemoSummary) -> None:
    highest = Ticket.objects.aggregate(highest=Max("number"))["highest"]
    assert highest == 10000 + small_demo.tickets  # numbered without gaps from #10001
    ticket = ticket_create(
        requester=User.objects.get(username="demo-customer"),
        subject="Heizung bleibt kalt",
        body="Seit heute früh reagiert das Thermostat nicht mehr.",
    )
    assert ticket.number == highest + 1
