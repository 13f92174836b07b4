"""Public contact form, the phone log for agents, and the failed-mail list for staff."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.channels.contact import (
    ContactRateLimited,
    contact_honeypot_record,
    contact_request_create,
    phone_call_log_new,
)
from tierdesk.channels.forms import ContactForm, PhoneCallForm
from tierdesk.channels.inbound import inbound_mail_retry
from tierdesk.channels.models import InboundMail
from tierdesk.channels.selectors import failed_inbound_mail
from tierdesk.desk.forms import attachment_uploads
from tierdesk.tickets.errors import TicketError


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def contact(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            contact_honeypot_record(ip_address=_client_ip(request), email=data["email"])
            return redirect("channels:contact_thanks")
        try:
            ticket = contact_request_create(
                name=data["name"],
                email=data["email"],
                subject=data["subject"],
                message=data["message"],
                attachments=attachment_uploads(data["attachments"]),
                ip_address=_client_ip(request),
                language=(get_language() or "de")[:2],
                deflection_token=data["deflection_token"],
                visitor=request.user,
            )
        except ContactRateLimited as error:
            form.add_error(None, error.message)
            status = 429
        except TicketError as error:
            form.add_error(None, error.message)
            status = 400
        else:
            request.session["contact_ticket_number"] = ticket.number
            return redirect("channels:contact_thanks")
    elif request.method == "POST":
        status = 400
    return render(request, "channels/contact.html", {"form": form}, status=status)


def contact_thanks(request: HttpRequest) -> HttpResponse:
    number = request.session.pop("contact_ticket_number", None)
    return render(request, "channels/contact_thanks.html", {"number": number})


@login_required
def phone_call(request: HttpRequest) -> HttpResponse:
    if not is_desk_staff(request.user):  # type: ignore[arg-type]
        return render(request, "desk/forbidden.html", status=403)
    form = PhoneCallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ticket = phone_call_log_new(
                actor=request.user,  # type: ignore[arg-type]
                customer_email=form.cleaned_data["customer_email"],
                subject=form.cleaned_data["subject"],
                summary=form.cleaned_data["summary"],
                duration_seconds=form.total_seconds(),
            )
        except TicketError as error:
            form.add_error(None, error.message)
        else:
            return redirect(reverse("desk:ticket", args=[ticket.number]))
    return render(request, "channels/phone.html", {"form": form})


@login_required
def failed_mail(request: HttpRequest) -> HttpResponse:
    if not is_desk_staff(request.user):  # type: ignore[arg-type]
        return render(request, "desk/forbidden.html", status=403)
    mails = failed_inbound_mail()[:200]
    return render(request, "channels/failed_mail.html", {"mails": mails})


@login_required
@require_POST
def failed_mail_retry(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_desk_staff(request.user):  # type: ignore[arg-type]
        return render(request, "desk/forbidden.html", status=403)
    inbound = get_object_or_404(InboundMail.objects.defer("raw"), pk=pk)
    inbound_mail_retry(inbound)
    from django.contrib import messages

    messages.success(request, _("The mail was queued to be processed again."))
    return redirect("channels:failed_mail")
