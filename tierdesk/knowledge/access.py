"""Who may read and write what in the help center.

(Role decisions belong in ``tierdesk.accounts.permissions``; these build on it and
can move there.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tierdesk.accounts.models import Role
from tierdesk.accounts.permissions import agent_level, is_desk_staff, is_manager

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tierdesk.accounts.models import User

PUBLISHING_LEVEL = "L2"  # and deeper


def can_read_internal(user: User | AnonymousUser | None) -> bool:
    """Internal articles are for agents only."""
    return user is not None and is_desk_staff(user)  # type: ignore[arg-type]


def can_edit_articles(user: User) -> bool:
    """Every agent may write and change drafts."""
    return is_desk_staff(user)


def can_publish_articles(user: User) -> bool:
    """Second and Third Level, team leads and managers publish; First Level asks for review."""
    if not is_desk_staff(user):
        return False
    if is_manager(user) or user.role == Role.TEAM_LEAD:
        return True
    from tierdesk.teams.models import Level

    level = agent_level(user)
    if level is None:
        return False
    threshold = Level.objects.filter(code=PUBLISHING_LEVEL).values_list("rank", flat=True).first()
    return threshold is not None and level.rank >= threshold


def can_see_analytics(user: User) -> bool:
    return is_desk_staff(user)
