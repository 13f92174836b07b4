"""Reads of a user's own notifications. Nobody reads another user's notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, QuerySet

from tierdesk.notifications.models import Notification
from tierdesk.tickets.selectors import tickets_visible_to

if TYPE_CHECKING:
    from tierdesk.accounts.models import User


def notifications_for(user: User) -> QuerySet[Notification]:
    """``user``'s notifications, newest first.

    Each carries ``ticket_visible``: whether ``user`` may still open its ticket
    (a ticket can move to a team the recipient is not in), so a list links only
    tickets that will not answer 404.
    """
    visible = tickets_visible_to(user).filter(pk=OuterRef("ticket_id"))
    return (
        Notification.objects.filter(recipient=user)
        .select_related("ticket")
        .annotate(ticket_visible=Exists(visible))
        .order_by("-created_at", "-id")
    )


def notification_for(user: User, pk: int) -> Notification:
    """``user``'s notification ``pk``, else ``Notification.DoesNotExist``.

    Another user's notification and a missing one look the same.
    """
    return notifications_for(user).get(pk=pk)


def unread_notification_count(user: User) -> int:
    """One COUNT on the (recipient, read_at) index."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
