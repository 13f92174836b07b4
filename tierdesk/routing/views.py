"""Routing pages: the lead's daily load view, presence, and the "next best ticket" button."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tierdesk.accounts.models import User
from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.routing.dispatch import agent_set_presence, ticket_take_next
from tierdesk.routing.forms import DayForm, PresenceForm
from tierdesk.routing.selectors import daily_load, teams_led_by
from tierdesk.teams.models import Presence
from tierdesk.tickets.errors import TicketError


def _staff(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if not is_desk_staff(user):
        raise PermissionDenied
    return user


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_GET
def load(request: HttpRequest) -> HttpResponse:
    """Each agent's load today, time over cap and complaint streaks (team leads, managers)."""
    user = _staff(request)
    if not teams_led_by(user).exists():
        raise PermissionDenied
    form = DayForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "routing/load.html", {"form": form, "rows": []}, status=400)
    day = (form.cleaned_data.get("day") if form.is_bound else None) or timezone.localdate()
    context = {
        "form": form,
        "day": day,
        "rows": daily_load(user, day),
        "presences": Presence.choices,
    }
    return render(request, "routing/load.html", context)


@login_required
@require_POST
def presence(request: HttpRequest, username: str) -> HttpResponse:
    """Set an agent's presence; absence hands their open tickets to colleagues."""
    actor = _staff(request)
    agent = User.objects.filter(username=username).first()
    if agent is None:
        raise Http404
    form = PresenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a presence."))
        return _back(request, "routing:load")
    try:
        moved = agent_set_presence(
            agent,
            actor=actor,
            presence=form.cleaned_data["presence"],
            absent_until=form.cleaned_data["absent_until"],
        )
    except TicketError as error:
        messages.error(request, error.message)
        return _back(request, "routing:load")
    if moved is not None:
        messages.success(
            request,
            _("%(name)s is absent: %(moved)d tickets reassigned, %(queued)d back in the queue.")
            % {
                "name": agent.display_name,
                "moved": len(moved.reassigned),
                "queued": len(moved.returned_to_queue),
            },
        )
    else:
        messages.success(request, _("Presence saved."))
    return _back(request, "routing:load")


@login_required
@require_POST
def next_ticket(request: HttpRequest) -> HttpResponse:
    """Take the next best ticket (pull mode) and open it."""
    agent = _staff(request)
    try:
        ticket = ticket_take_next(agent)
    except TicketError as error:
        messages.error(request, error.message)
        return _back(request, "desk:queue")
    if ticket is None:
        messages.info(request, _("No waiting ticket fits you right now."))
        return _back(request, "desk:queue")
    return redirect("desk:ticket", number=ticket.number)
