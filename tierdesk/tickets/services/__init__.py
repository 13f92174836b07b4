"""Everything that changes a ticket. Each function writes the ticket's timeline event.

Interfaces (web, portal, API, mail, commands) call these and nothing else to
change tickets; they never save ticket models themselves.
"""

from tierdesk.tickets.services.base import UNSET, AttachmentUpload
from tierdesk.tickets.services.changes import ticket_assign, ticket_change_status, ticket_update
from tierdesk.tickets.services.collaboration import (
    help_request_answer,
    help_request_create,
    ticket_link,
    ticket_merge,
)
from tierdesk.tickets.services.creation import ticket_create
from tierdesk.tickets.services.escalation import ticket_de_escalate, ticket_escalate
from tierdesk.tickets.services.messages import (
    ticket_add_note,
    ticket_customer_message,
    ticket_log_call,
    ticket_reply,
)
from tierdesk.tickets.services.problems import problem_create, problem_link_ticket, problem_solve
from tierdesk.tickets.services.rating import ticket_rate
from tierdesk.tickets.services.time_accounting import time_entry_add

__all__ = [
    "UNSET",
    "AttachmentUpload",
    "help_request_answer",
    "help_request_create",
    "problem_create",
    "problem_link_ticket",
    "problem_solve",
    "ticket_add_note",
    "ticket_assign",
    "ticket_change_status",
    "ticket_create",
    "ticket_customer_message",
    "ticket_de_escalate",
    "ticket_escalate",
    "ticket_link",
    "ticket_log_call",
    "ticket_merge",
    "ticket_rate",
    "ticket_reply",
    "ticket_update",
    "time_entry_add",
]
