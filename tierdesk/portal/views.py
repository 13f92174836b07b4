"""The customer portal: one's own requests, a new request, answering, signing up."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.core.views import remember_language
from tierdesk.desk.forms import attachment_uploads
from tierdesk.knowledge.services import deflection_submitted
from tierdesk.portal.forms import CustomerReplyForm, NewRequestForm, SignUpForm
from tierdesk.portal.services import SignUpRefused, customer_sign_up, user_set_language
from tierdesk.routing.services import PORTAL_SOURCE
from tierdesk.tickets.errors import TicketError
from tierdesk.tickets.models import Channel, Ticket
from tierdesk.tickets.selectors import ticket_for, tickets_visible_to
from tierdesk.tickets.services import ticket_create, ticket_customer_message

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

PAGE_SIZE = 25
View = Callable[..., HttpResponse]


def customer_required(view: View) -> View:
    """Log in first; agents work in the desk, not here."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if is_desk_staff(request.user):
            return redirect("desk:queue")
        return view(request, *args, **kwargs)

    return wrapped


def _own_request(user: User, number: int) -> Ticket:
    try:
        return ticket_for(user, number)
    except Ticket.DoesNotExist:
        raise Http404(_("No request #%(number)s of yours.") % {"number": number}) from None


@customer_required
def requests(request: HttpRequest) -> HttpResponse:
    """My requests, newest first."""
    user = cast("User", request.user)
    mine = tickets_visible_to(user).order_by("-created_at", "-id")
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/requests.html", {"page": page})


@customer_required
def new_request(request: HttpRequest) -> HttpResponse:
    user = cast("User", request.user)
    form = NewRequestForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                ticket = ticket_create(
                    requester=user,
                    actor=user,
                    subject=data["subject"],
                    body=data["body"],
                    channel=Channel.WEB,
                    ticket_type=data["ticket_type"] or None,
                    attachments=attachment_uploads(data["attachments"]),
                    language=translation.get_language() or user.language,
                    source=PORTAL_SOURCE,
                )
            except TicketError as error:
                form.add_error(None, error.message)
            else:
                # The articles shown while typing are recorded with the ticket.
                deflection_submitted(token=data["deflection_token"], ticket=ticket, user=user)
                messages.success(
                    request,
                    _("Thank you! Your request #%(number)s was received.")
                    % {"number": ticket.number},
                )
                return redirect("portal:request", number=ticket.number)
    return render(request, "portal/new_request.html", {"form": form}, status=status)


@customer_required
def request_detail(request: HttpRequest, number: int) -> HttpResponse:
    """One of my requests: the public conversation only, and an answer form."""
    user = cast("User", request.user)
    ticket = _own_request(user, number)
    form = CustomerReplyForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                ticket_customer_message(
                    ticket,
                    author=user,
                    body=form.cleaned_data["body"],
                    attachments=attachment_uploads(form.cleaned_data["attachments"]),
                    channel=Channel.WEB,
                )
            except TicketError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your answer was sent."))
                return redirect("portal:request", number=ticket.number)
    conversation = (
        ticket.messages.filter(is_public=True)
        .select_related("author")
        .prefetch_related("attachments")
    )
    context = {"ticket": ticket, "conversation": conversation, "form": form}
    return render(request, "portal/request.html", context, status=status)


def sign_up(request: HttpRequest) -> HttpResponse:
    """Create a customer account and log in."""
    if request.user.is_authenticated:
        return redirect("home")
    initial = {"language": translation.get_language() or "de"}
    form = SignUpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = customer_sign_up(
                name=data["name"],
                email=data["email"],
                password=data["password"],
                language=data["language"],
            )
        except SignUpRefused as refusal:
            form.add_error(refusal.field, refusal.message)
        except ValidationError as error:
            form.add_error("password", error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            translation.activate(user.language)
            messages.success(request, _("Welcome! Your account is ready."))
            return remember_language(redirect("portal:requests"), user.language)
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/signup.html", {"form": form}, status=status)


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch; a logged-in user's choice is also kept on the account."""
    response = set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_set_language(request.user, language=language)
    return response
