"""The customer's satisfaction rating (CSAT) after a request is solved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from tierdesk.tickets.errors import InvalidChange, NotAllowed
from tierdesk.tickets.models import EventKind, Status, Ticket
from tierdesk.tickets.services.base import (
    lock_ticket,
    publish,
    record_event,
    refresh_from,
    save_ticket,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

LOWEST_SCORE, HIGHEST_SCORE = 1, 5


def ticket_rate(ticket: Ticket, *, author: User, score: int, comment: str = "") -> Ticket:
    """Store the requester's rating of a solved or closed request (1 worst, 5 best).

    A customer may change the rating; each rating is a timeline event.
    """
    if author.pk != ticket.requester_id:
        raise NotAllowed(_("Only the requester rates a request."))
    if not LOWEST_SCORE <= score <= HIGHEST_SCORE:
        raise InvalidChange(
            _("A rating is a whole number from %(lowest)s to %(highest)s.")
            % {"lowest": LOWEST_SCORE, "highest": HIGHEST_SCORE}
        )
    with transaction.atomic():
        current = lock_ticket(ticket, None)
        if current.status not in (Status.SOLVED, Status.CLOSED):
            raise InvalidChange(_("A request can be rated once it is solved."))
        record_event(
            current,
            author,
            EventKind.CSAT,
            score=score,
            previous=current.csat_score,
            comment=comment.strip()[:2000],
        )
        current.csat_score = score
        save_ticket(current, ["csat_score"])
        publish("ticket.updated", current, fields=["csat_score"])
    refresh_from(ticket, current)
    return ticket
