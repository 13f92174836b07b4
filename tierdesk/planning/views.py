"""Planning pages: plan versions and runs, one plan's roles with agents needed and hiring need."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tierdesk.accounts.models import User
from tierdesk.accounts.permissions import can_plan, can_view_plans
from tierdesk.planning.models import Scenario
from tierdesk.planning.selectors import plan_roles_for, plans_visible_to
from tierdesk.planning.services import plan_request
from tierdesk.planning.tables import role_heatmap


def _reader(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if not can_view_plans(user):
        raise PermissionDenied
    return user


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    user = _reader(request)
    context = {
        "plans": plans_visible_to(user)[:30],
        "scenarios": Scenario.objects.all(),
        "can_plan": can_plan(user),
    }
    return render(request, "planning/overview.html", context)


@login_required
@require_POST
def run(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    scenario_id = request.POST.get("scenario") or None
    scenario = get_object_or_404(Scenario, pk=scenario_id) if scenario_id else None
    try:
        days = int(request.POST.get("days") or 42)
        plan = plan_request(actor=user, scenario=scenario, days=days)
    except (ValueError, ValidationError) as error:
        message = "; ".join(getattr(error, "messages", [str(error)]))
        return render(
            request,
            "planning/overview.html",
            {
                "plans": plans_visible_to(user)[:30],
                "scenarios": Scenario.objects.all(),
                "can_plan": can_plan(user),
                "error": message or _("Invalid input."),
            },
            status=400,
        )
    return redirect("planning:plan", plan_id=plan.pk)


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = _reader(request)
    plan = get_object_or_404(plans_visible_to(user), pk=plan_id)
    roles = list(plan_roles_for(plan, user))
    selected = request.GET.get("role")
    role = next((r for r in roles if str(r.pk) == selected), roles[0] if roles else None)
    context = {
        "plan": plan,
        "roles": roles,
        "role": role,
        "heatmap": role_heatmap(plan, role) if role is not None else None,
    }
    return render(request, "planning/plan.html", context)
