"""Builders for routing tests: agents with skills, languages, caps and presence."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from pytest_django.fixtures import Settings

from tests import factories
from tierdesk.accounts.models import Role, User
from tierdesk.routing.models import SkillProficiency, TeamMode, TeamRouting
from tierdesk.teams.models import AgentProfile, Skill, Team


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def routing_agent(
    username: str,
    *,
    team: str = "support",
    level: str = "L1",
    languages: Iterable[str] = ("de", "en"),
    skills: dict[str, int] | None = None,
    cap: int = 25,
    channel_caps: dict[str, int] | None = None,
    role: str = Role.AGENT,
    is_lead: bool = False,
) -> User:
    user = factories.agent(username, level=level, team=team, role=role, is_lead=is_lead)
    profile = AgentProfile.objects.get(user=user)
    profile.languages = list(languages)
    profile.max_open_tickets = cap
    profile.channel_caps = channel_caps or {}
    profile.save()
    for code, proficiency in (skills or {}).items():
        skill, _created = Skill.objects.get_or_create(code=code, defaults={"name": code})
        profile.skills.add(skill)
        SkillProficiency.objects.create(agent=profile, skill=skill, proficiency=proficiency)
    return user


def set_mode(team_slug: str, mode: str = TeamMode.PUSH) -> None:
    TeamRouting.objects.update_or_create(
        team=Team.objects.get(slug=team_slug), defaults={"mode": mode}
    )


@pytest.fixture
def vocabulary(db: None) -> int:
    """The classifier's shipped vocabulary, loaded as an installation would."""
    from tierdesk.routing.services import classifier_vocabulary_load

    return classifier_vocabulary_load()
