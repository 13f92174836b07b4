"""SLA pages: the attainment report (HTML and CSV), settings overview, timers partial."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tierdesk.accounts.models import User
from tierdesk.accounts.permissions import is_desk_staff, is_manager
from tierdesk.sla.forms import ReportForm
from tierdesk.sla.report import DIMENSIONS, report_csv, sla_report
from tierdesk.sla.selectors import sla_settings_overview, sla_targets_for
from tierdesk.sla.services import sla_configuration_changed
from tierdesk.tickets.models import Ticket
from tierdesk.tickets.selectors import ticket_for


def _manager(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if not is_manager(user):
        raise PermissionDenied
    return user


@login_required
def report(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = ReportForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "sla/report.html", {"form": form, "report": None}, status=400)
    if not request.GET:
        form = ReportForm({})
        form.is_valid()
    start, end = form.period()
    result = sla_report(dimension=form.cleaned_data["group_by"], start=start, end=end)
    if request.GET.get("format") == "csv":
        response = HttpResponse(report_csv(result), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="sla-report.csv"'
        return response
    context = {"form": form, "report": result, "dimension_label": DIMENSIONS[result.dimension]}
    return render(request, "sla/report.html", context)


@login_required
@require_http_methods(["GET"])
def settings_page(request: HttpRequest) -> HttpResponse:
    _manager(request)
    return render(request, "sla/settings.html", {"overview": sla_settings_overview()})


@login_required
@require_POST
def recompute(request: HttpRequest) -> HttpResponse:
    _manager(request)
    sla_configuration_changed()
    messages.success(request, _("The clocks of all open tickets are being recomputed."))
    return redirect("sla:settings")


@login_required
def timers(request: HttpRequest, number: int) -> HttpResponse:
    """The ticket's clocks as an htmx partial (polled by the ticket view)."""
    user = cast(User, request.user)
    if not is_desk_staff(user):
        raise Http404
    try:
        ticket = ticket_for(user, number)
    except Ticket.DoesNotExist:
        raise Http404 from None
    return render(request, "sla/_timers.html", {"targets": sla_targets_for(ticket)})
