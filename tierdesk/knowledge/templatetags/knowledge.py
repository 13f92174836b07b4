"""Template filters of the help center."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from tierdesk.core.html import sanitize_html

register = template.Library()


@register.filter
def sanitized(markup: str) -> SafeString:
    """Article HTML, sanitised again on the way out: stored text is never trusted blindly."""
    return mark_safe(sanitize_html(markup or ""))  # nh3 has just cleaned it
