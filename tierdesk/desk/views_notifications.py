"""The signed-in agent's in-app notifications: list, mark read, open the ticket."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tierdesk.accounts.models import User
from tierdesk.desk.access import current_user, desk_staff_required
from tierdesk.desk.views import PAGE_SIZE, _sidebar
from tierdesk.notifications.models import Notification
from tierdesk.notifications.selectors import (
    notification_for,
    notifications_for,
    unread_notification_count,
)
from tierdesk.notifications.services import notification_mark_read, notifications_mark_all_read


def _own_notification(user: User, pk: int) -> Notification:
    try:
        return notification_for(user, pk)
    except Notification.DoesNotExist:
        raise Http404(_("No notification of yours with this number.")) from None


@desk_staff_required
def notifications_page(request: HttpRequest) -> HttpResponse:
    """My notifications, newest first, unread ones marked."""
    user = current_user(request)
    page = Paginator(notifications_for(user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "desk/notifications.html", {"page": page, **_sidebar(user)})


@require_POST
@desk_staff_required
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    notification = _own_notification(user, pk)
    notification_mark_read(notification)
    if request.headers.get("HX-Request"):
        context = {
            "notification": notification,
            "unread_count": unread_notification_count(user),
            "swap_count": True,
        }
        return render(request, "desk/_notification.html", context)
    return redirect("desk:notifications")


@require_POST
@desk_staff_required
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    marked = notifications_mark_all_read(current_user(request))
    messages.success(
        request,
        ngettext(
            "%(count)d notification marked as read.",
            "%(count)d notifications marked as read.",
            marked,
        )
        % {"count": marked},
    )
    return redirect("desk:notifications")


@desk_staff_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow a notification to its ticket; following it is reading it."""
    user = current_user(request)
    notification = _own_notification(user, pk)
    if notification.ticket is None or not notification.ticket_visible:  # type: ignore[attr-defined]
        raise Http404(_("This notification has no ticket that you can see."))
    notification_mark_read(notification)
    return redirect("desk:ticket", notification.ticket.number)
