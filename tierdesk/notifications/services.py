"""Telling agents about things that need them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from tierdesk.notifications.models import Notification

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Team
    from tierdesk.tickets.models import Ticket


def notify(recipient: User, ticket: Ticket | None, *, kind: str, text: str) -> Notification:
    return Notification.objects.create(
        recipient=recipient, ticket=ticket, kind=kind, text=text[:500]
    )


def notify_team_leads(team: Team, ticket: Ticket | None, *, kind: str, text: str) -> int:
    from tierdesk.accounts.models import User

    leads = User.objects.filter(team_memberships__team=team, team_memberships__is_lead=True)
    created = Notification.objects.bulk_create(
        [Notification(recipient=lead, ticket=ticket, kind=kind, text=text[:500]) for lead in leads]
    )
    return len(created)


def notification_mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(recipient: User) -> int:
    """Mark every unread notification of ``recipient`` read; returns how many."""
    return Notification.objects.filter(recipient=recipient, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notifications_mark_read_for_ticket(recipient: User, ticket: Ticket) -> int:
    """Whoever opens a ticket has seen what they were told about it."""
    return Notification.objects.filter(
        recipient=recipient, ticket=ticket, read_at__isnull=True
    ).update(read_at=timezone.now())
