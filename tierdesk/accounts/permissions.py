"""What each role may do, decided in one place.

Every interface (web, portal, API, commands) asks these functions; none checks
roles by hand. Visibility of tickets is in ``tierdesk.tickets.selectors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tierdesk.accounts.models import STAFF_ROLES, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Level

MANAGING_ROLES = frozenset({Role.SERVICE_MANAGER, Role.ADMIN})


def is_desk_staff(user: User) -> bool:
    return bool(user.is_authenticated and user.role in STAFF_ROLES and user.is_active)


def is_manager(user: User) -> bool:
    return bool(user.is_authenticated and (user.role in MANAGING_ROLES or user.is_superuser))


def agent_level(user: User) -> Level | None:
    profile = getattr(user, "agent_profile", None)
    return profile.level if profile is not None else None


def can_write_to_customer(user: User) -> bool:
    """Third Level talks to customers only through Second Level."""
    if not is_desk_staff(user):
        return False
    level = agent_level(user)
    return level is None or level.talks_to_customers


def _level_rank_at_least(user: User, code: str) -> bool:
    from tierdesk.teams.models import Level

    level = agent_level(user)
    if level is None:
        return False
    threshold = Level.objects.filter(code=code).values_list("rank", flat=True).first()
    return threshold is not None and level.rank >= threshold


def can_record_problems(user: User) -> bool:
    """Second Level records rare or unknown problems; leads and managers may too."""
    if not is_desk_staff(user):
        return False
    return is_manager(user) or user.role == Role.TEAM_LEAD or _level_rank_at_least(user, "L2")


def can_solve_problems(user: User) -> bool:
    """Third Level works problem records; managers may close them too."""
    if not is_desk_staff(user):
        return False
    return is_manager(user) or _level_rank_at_least(user, "L3")


def can_administer(user: User) -> bool:
    return bool(user.is_authenticated and (user.role == Role.ADMIN or user.is_superuser))


# --- help center ---------------------------------------------------------------------

ARTICLE_PUBLISHING_LEVEL = "L2"  # and deeper


def can_read_internal_articles(user: User | AnonymousUser | None) -> bool:
    """Internal help-center articles are for agents only."""
    return user is not None and is_desk_staff(user)  # type: ignore[arg-type]


def can_edit_articles(user: User) -> bool:
    """Every agent may write and change drafts of help-center articles."""
    return is_desk_staff(user)


def can_publish_articles(user: User) -> bool:
    """Second and Third Level, team leads and managers publish; First Level asks for review."""
    if not is_desk_staff(user):
        return False
    if is_manager(user) or user.role == Role.TEAM_LEAD:
        return True
    return _level_rank_at_least(user, ARTICLE_PUBLISHING_LEVEL)


# --- workforce planning --------------------------------------------------------------


def can_plan(user: User) -> bool:
    """The service manager plans the department: scenarios, plan runs, settings, special days."""
    return is_desk_staff(user) and is_manager(user)


def planning_team_ids(user: User) -> set[int] | None:
    """Teams whose plans the user may read: ``None`` for every team, else the led teams.

    Team leads see the forecast, staffing and roster of their own teams; agents see none.
    """
    if not is_desk_staff(user):
        return set()
    if is_manager(user):
        return None
    if user.role != Role.TEAM_LEAD:
        return set()
    from tierdesk.teams.models import TeamMembership

    return set(
        TeamMembership.objects.filter(user=user, is_lead=True).values_list("team_id", flat=True)
    )


def can_view_plans(user: User) -> bool:
    teams = planning_team_ids(user)
    return teams is None or bool(teams)
