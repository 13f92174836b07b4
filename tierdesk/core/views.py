from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from tierdesk.accounts.permissions import is_desk_staff


def home(request: HttpRequest) -> HttpResponse:
    """Send each user to where they work: agents to the desk, customers to the portal."""
    if not request.user.is_authenticated:
        return redirect("login")
    if is_desk_staff(request.user):  # type: ignore[arg-type]
        return redirect("desk:queue")
    return redirect("portal:requests")
