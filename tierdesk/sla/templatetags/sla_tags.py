"""Formatting of SLA times for templates (presentation only)."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _hours_minutes(total_minutes: float) -> str:
    minutes = round(abs(total_minutes))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d min") % {"minutes": minutes}


@register.filter
def business_duration(minutes: float | None) -> str:
    """Business minutes as “2 h 5 min” (empty for none)."""
    return "" if minutes is None else _hours_minutes(minutes)


@register.filter
def time_left(seconds: float | None) -> str:
    """Real time until a due time: “3 h 10 min left” or “overdue by 5 min”."""
    if seconds is None:
        return ""
    text = _hours_minutes(seconds / 60)
    if seconds < 0:
        return _("overdue by %(time)s") % {"time": text}
    return _("%(time)s left") % {"time": text}


@register.filter
def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.1f} %"
