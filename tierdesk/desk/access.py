"""Who may enter the agent workspace: desk staff only; customers are sent to the portal."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, cast

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tierdesk.accounts.permissions import is_desk_staff

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

View = Callable[..., HttpResponse]


def desk_staff_required(view: View) -> View:
    """Anonymous users log in first; logged-in non-staff get a 403 page linking the portal."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_desk_staff(current_user(request)):
            return render(request, "desk/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


def current_user(request: HttpRequest) -> User:
    """The logged-in user, typed as tierdesk's user model."""
    return cast("User", request.user)
