"""How people appear in the public forum: customers by first name and initial."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from tierdesk.accounts.models import User
from tierdesk.core.html import sanitize_html

register = template.Library()


@register.filter
def forum_name(user: User) -> str:
    """Staff by full name; customers as "Anna S." so the public page reveals little."""
    if user.is_desk_staff:
        return user.get_full_name() or user.username
    if user.first_name:
        initial = f" {user.last_name[:1]}." if user.last_name else ""
        return f"{user.first_name}{initial}"
    return user.username


@register.filter
def forum_html(body_html: str) -> SafeString:
    """A post's body, sanitised again on the way out.

    Services store sanitised HTML; cleaning once more at render time keeps a post
    safe even if it reached the database another way (admin, import, an old bug).
    """
    return mark_safe(sanitize_html(body_html))


@register.filter
def get_item(mapping: dict[int, int], key: int) -> int:
    """``{{ my_votes|get_item:post.pk }}``: the user's vote on a post, 0 if none."""
    return mapping.get(key, 0)
