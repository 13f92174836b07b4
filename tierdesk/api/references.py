"""Turning the names a client sends (team slug, level code, username) into rows.

An unknown name is the client's mistake, answered with 422 and a clear message.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tierdesk.accounts.models import User
from tierdesk.api.errors import UnknownReference
from tierdesk.teams.models import Level, Team


def team_by_slug(slug: str, *, active_only: bool = True) -> Team:
    teams = Team.objects.filter(is_active=True) if active_only else Team.objects.all()
    team = teams.filter(slug=slug).first()
    if team is None:
        raise UnknownReference(_("There is no team “%(slug)s”.") % {"slug": slug})
    return team


def level_by_code(code: str) -> Level:
    level = Level.objects.filter(code=code).first()
    if level is None:
        raise UnknownReference(_("There is no level “%(code)s”.") % {"code": code})
    return level


def user_by_username(username: str) -> User:
    user = User.objects.select_related("agent_profile__level").filter(username=username).first()
    if user is None:
        raise UnknownReference(_("There is no user “%(username)s”.") % {"username": username})
    return user
