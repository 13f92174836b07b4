"""One ticket in the agent workspace: the page, and every action on it.

Each action is a form plus one service call. Success redirects back to the page
(post/redirect/get); a refused change re-renders the page with the agent's input
kept and the service's reason next to the form, never a server error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tierdesk.accounts.permissions import (
    can_record_problems,
    can_solve_problems,
    can_write_to_customer,
)
from tierdesk.desk import forms
from tierdesk.desk.access import current_user, desk_staff_required
from tierdesk.desk.timeline import timeline_entries
from tierdesk.notifications.services import notifications_mark_read_for_ticket
from tierdesk.routing.selectors import customer_contact
from tierdesk.sla.selectors import sla_targets_for
from tierdesk.tickets import services
from tierdesk.tickets.errors import (
    AttachmentRejected,
    InvalidChange,
    NotAllowed,
    TicketConflict,
    TicketError,
)
from tierdesk.tickets.models import Ticket, TicketType
from tierdesk.tickets.selectors import ticket_for, tickets_visible_to
from tierdesk.tickets.services.time_accounting import ticket_minutes_spent

if TYPE_CHECKING:
    from tierdesk.accounts.models import User


@dataclass(frozen=True)
class Done:
    """What a successful action tells the agent, and which ticket to show next."""

    message: str
    number: int


Perform = Callable[[Ticket, "User", dict[str, Any]], Done]


def _reply(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    new_status = data["new_status"] or None
    services.ticket_reply(
        ticket,
        actor=user,
        body=data["body"],
        attachments=forms.attachment_uploads(data["attachments"]),
        new_status=new_status,
        # Only a status change can overwrite someone else's; a plain reply never does.
        expected_version=data["version"] if new_status else None,
        minutes_spent=data["minutes_spent"],
    )
    return Done(_("Your reply was sent."), ticket.number)


def _note(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    services.ticket_add_note(
        ticket,
        actor=user,
        body=data["body"],
        attachments=forms.attachment_uploads(data["attachments"]),
        minutes_spent=data["minutes_spent"],
    )
    return Done(_("Your internal note was added."), ticket.number)


def _assign(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    assignee = data["assignee"]
    services.ticket_assign(ticket, actor=user, assignee=assignee, expected_version=data["version"])
    if assignee is None:
        return Done(_("The ticket is unassigned."), ticket.number)
    return Done(_("Assigned to %(name)s.") % {"name": assignee.display_name}, ticket.number)


def _properties(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    services.ticket_update(
        ticket,
        actor=user,
        expected_version=data["version"],
        status=data["status"],
        priority=data["priority"],
        team=data["team"],
        ticket_type=data["ticket_type"],
        tags=data["tags"],
    )
    return Done(_("The ticket was updated."), ticket.number)


def _escalate(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    services.ticket_escalate(
        ticket,
        actor=user,
        to_level=data["to_level"],
        to_team=data["to_team"],
        reason=data["reason"],
        summary=data["summary"],
        expected_version=data["version"],
    )
    done = _("Escalated to %(level)s, team %(team)s.") % {
        "level": data["to_level"].localized_name,
        "team": ticket.team.localized_name,
    }
    if not data["to_level"].talks_to_customers and can_write_to_customer(user):
        done += " " + _(
            "You stay the customer's contact: %(level)s writes internal notes, you relay them."
        ) % {"level": data["to_level"].localized_name}
    return Done(done, ticket.number)


def _hand_back(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    services.ticket_de_escalate(
        ticket,
        actor=user,
        to_level=data["to_level"],
        reason=data["reason"],
        summary=data["summary"],
        expected_version=data["version"],
    )
    return Done(
        _("Handed back to %(level)s.") % {"level": data["to_level"].localized_name},
        ticket.number,
    )


def _ask_for_help(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    helper = data["helper"]
    services.help_request_create(
        ticket, requested_by=user, helper=helper, question=data["question"]
    )
    return Done(_("%(name)s was asked for help.") % {"name": helper.display_name}, ticket.number)


def _record_problem(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    problem = services.problem_create(
        ticket, actor=user, subject=data["subject"], description=data["description"]
    )
    return Done(
        _("Problem record #%(number)s was created and this ticket linked to it.")
        % {"number": problem.number},
        ticket.number,
    )


def _link_problem(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    problem = data["problem_number"]
    services.problem_link_ticket(problem, ticket=ticket, actor=user)
    return Done(_("Linked to problem #%(number)s.") % {"number": problem.number}, ticket.number)


def _solve_problem(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    updated = services.problem_solve(ticket, actor=user, solution=data["solution"])
    return Done(
        _("The problem is solved; %(count)s linked tickets were updated.") % {"count": updated},
        ticket.number,
    )


def _merge(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    target = data["other_number"]
    services.ticket_merge(ticket, into=target, actor=user)
    return Done(
        _("#%(source)s was merged into this ticket.") % {"source": ticket.number}, target.number
    )


def _link(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    target = data["other_number"]
    services.ticket_link(ticket, target=target, actor=user)
    return Done(_("Linked to #%(number)s.") % {"number": target.number}, ticket.number)


def _log_call(ticket: Ticket, user: User, data: dict[str, Any]) -> Done:
    services.ticket_log_call(
        ticket,
        actor=user,
        summary=data["summary"],
        duration_seconds=data["duration_minutes"] * 60,
        minutes_spent=data["minutes_spent"],
    )
    return Done(_("The call was logged."), ticket.number)


ACTIONS: dict[str, tuple[type[forms.TicketForm], Perform]] = {
    "reply": (forms.ReplyForm, _reply),
    "note": (forms.NoteForm, _note),
    "assign": (forms.AssignForm, _assign),
    "properties": (forms.PropertiesForm, _properties),
    "escalate": (forms.EscalateForm, _escalate),
    "hand-back": (forms.HandBackForm, _hand_back),
    "help": (forms.HelpRequestForm, _ask_for_help),
    "problem": (forms.ProblemCreateForm, _record_problem),
    "link-problem": (forms.ProblemLinkForm, _link_problem),
    "solve-problem": (forms.ProblemSolveForm, _solve_problem),
    "merge": (forms.MergeForm, _merge),
    "link": (forms.LinkForm, _link),
    "call": (forms.CallForm, _log_call),
}

ERROR_STATUS: list[tuple[type[TicketError], int]] = [
    (TicketConflict, 409),
    (AttachmentRejected, 413),
    (NotAllowed, 403),
    (InvalidChange, 400),
]

CONFLICT_MESSAGE = gettext_lazy(
    "This ticket was changed by someone else in the meantime — the page now shows the "
    "current state. Your entries are kept below: check them and save again."
)
FILES_AGAIN = gettext_lazy("Files you had chosen must be chosen again.")


def _visible_ticket(user: User, number: int) -> Ticket:
    try:
        return ticket_for(user, number)
    except Ticket.DoesNotExist:
        raise Http404(_("No ticket #%(number)s that you can see.") % {"number": number}) from None


def _page_context(ticket: Ticket, user: User, bound: dict[str, forms.TicketForm]) -> dict[str, Any]:
    """Everything the ticket page shows; ``bound`` replaces the blank form of an action."""
    action_forms = {
        name: bound.get(name) or form_class(ticket=ticket, user=user)
        for name, (form_class, _perform) in ACTIONS.items()
    }
    conversation = ticket.messages.select_related("author").prefetch_related("attachments")
    events = ticket.events.select_related("actor")
    is_problem = ticket.type == TicketType.PROBLEM
    return {
        "ticket": ticket,
        "tags": list(ticket.tags.all()),
        "sla_targets": sla_targets_for(ticket),
        "customer_contact": customer_contact(ticket),
        "conversation": list(conversation),
        "timeline": timeline_entries(events),
        "links_out": list(ticket.links_out.select_related("target")),
        "links_in": list(ticket.links_in.select_related("source")),
        "merged_tickets": list(ticket.merged_tickets.only("number", "subject")),
        "linked_to_problem": list(
            ticket.problem_tickets.select_related("assignee", "level", "team")
        )
        if is_problem
        else [],
        "help_requests": list(ticket.help_requests.select_related("requested_by", "helper")),
        "minutes_spent": ticket_minutes_spent(ticket),
        # Template variables cannot contain "-": hand-back → hand_back.
        "forms": {name.replace("-", "_"): form for name, form in action_forms.items()},
        "error_action": next(iter(bound), ""),
        "can_reply": can_write_to_customer(user),
        "can_escalate": bool(action_forms["escalate"].suggestions),  # type: ignore[attr-defined]
        "can_hand_back": bool(action_forms["hand-back"].fields["to_level"].queryset.exists()),  # type: ignore[attr-defined]
        "can_record_problem": can_record_problems(user) and not is_problem,
        "can_link_problem": (can_record_problems(user) or can_solve_problems(user))
        and not is_problem,
        "can_solve_problem": can_solve_problems(user) and is_problem and ticket.is_open,
        "is_problem": is_problem,
    }


@desk_staff_required
def ticket_page(request: HttpRequest, number: int) -> HttpResponse:
    user = current_user(request)
    ticket = _visible_ticket(user, number)
    notifications_mark_read_for_ticket(user, ticket)
    return render(request, "desk/ticket.html", _page_context(ticket, user, {}))


@require_POST
@desk_staff_required
def ticket_action(request: HttpRequest, number: int, action: str) -> HttpResponse:
    """Run one action on the ticket; on refusal show the page again with the input kept."""
    if action not in ACTIONS:
        raise Http404(_("Unknown action."))
    form_class, perform = ACTIONS[action]
    user = current_user(request)
    ticket = _visible_ticket(user, number)
    form = form_class(request.POST, request.FILES, ticket=ticket, user=user)
    if not form.is_valid():
        return render(
            request, "desk/ticket.html", _page_context(ticket, user, {action: form}), status=400
        )
    try:
        done = perform(ticket, user, form.cleaned_data)
    except TicketConflict as conflict:
        return _show_conflict(request, user, number, action, conflict)
    except TicketError as error:
        form.add_error(None, error.message)
        status = next(code for kind, code in ERROR_STATUS if isinstance(error, kind))
        fresh = _visible_ticket(user, number)
        return render(
            request, "desk/ticket.html", _page_context(fresh, user, {action: form}), status=status
        )
    messages.success(request, done.message)
    if not tickets_visible_to(user).filter(number=done.number).exists():
        # E.g. moved to a team the agent is not in: the page would be a 404.
        return redirect("desk:queue")
    return redirect(reverse("desk:ticket", args=[done.number]))


def _show_conflict(
    request: HttpRequest, user: User, number: int, action: str, conflict: TicketConflict
) -> HttpResponse:
    """The page with the current state, and the agent's input rebased on the new version."""
    fresh = _visible_ticket(user, number)
    data = request.POST.copy()
    data["version"] = str(conflict.current_version)
    form_class, _perform = ACTIONS[action]
    form = form_class(data, ticket=fresh, user=user)
    form.is_valid()
    message = str(CONFLICT_MESSAGE)
    if request.FILES:
        message = f"{message} {FILES_AGAIN}"
    form.add_error(None, message)
    context = _page_context(fresh, user, {action: form})
    context["conflict"] = True
    return render(request, "desk/ticket.html", context, status=409)
