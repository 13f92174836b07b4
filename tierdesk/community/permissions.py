"""Who may do what in the forum, decided in one place.

Reading is public. Customers and agents post, vote, flag; desk staff moderate,
open tickets from threads and make knowledge-base drafts. The asker or staff
accept an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tierdesk.accounts.permissions import is_desk_staff

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.community.models import Post, Thread


def can_take_part(user: User | Any) -> bool:
    """Logged-in, active customers and staff may ask, answer, vote and flag."""
    return bool(user.is_authenticated and user.is_active)


def can_moderate(user: User | Any) -> bool:
    return bool(user.is_authenticated and is_desk_staff(user))


def can_see_hidden(user: User | Any) -> bool:
    return can_moderate(user)


def can_accept_answer(user: User | Any, thread: Thread) -> bool:
    return can_take_part(user) and (user.pk == thread.author_id or can_moderate(user))


def can_vote_on(user: User | Any, post: Post) -> bool:
    """Everyone taking part may vote, but not on their own posts."""
    return can_take_part(user) and user.pk != post.author_id


def can_open_ticket_from_thread(user: User | Any) -> bool:
    return can_moderate(user)


def can_promote_to_knowledge(user: User | Any) -> bool:
    return can_moderate(user)


def is_staff_author(user: User) -> bool:
    """Posts by desk staff carry the staff badge."""
    return bool(user.is_desk_staff)
