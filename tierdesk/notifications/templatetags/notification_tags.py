"""The unread count for the desk's sidebar, and readable names of notification kinds."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from tierdesk.notifications.selectors import unread_notification_count

register = template.Library()

# The kinds the services write (see the callers of notify and notify_team_leads).
KIND_LABELS = {
    "escalated": _("Escalated"),
    "problem": _("New problem record"),
    "problem_solved": _("Problem solved"),
    "help_requested": _("Help request"),
    "help_answered": _("Help answered"),
    "sla_warning": _("SLA warning"),
    "sla_breached": _("SLA breached"),
}


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    """How many unread notifications the signed-in user has (one COUNT query)."""
    user = context.get("user")
    return unread_notification_count(user) if user is not None else 0


@register.filter
def notification_kind(kind: str) -> str:
    """The kind as a reader says it; unknown kinds as stored."""
    return str(KIND_LABELS.get(kind, kind))
