"""Who am I, and what teams and levels exist: what a client needs to fill in tickets."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from tierdesk.accounts.permissions import agent_level, is_desk_staff
from tierdesk.api.auth import request_user
from tierdesk.api.output import organisation_out
from tierdesk.api.schemas import ErrorOut, LevelOut, MeOut, TeamOut
from tierdesk.teams.models import Level, Team

router = Router(tags=["directory"])


@router.get("/me", response={200: MeOut, 401: ErrorOut}, summary="The token's user")
def me(request: HttpRequest) -> MeOut:
    user = request_user(request)
    level = agent_level(user)
    return MeOut(
        username=user.username,
        email=user.email,
        name=user.display_name,
        role=user.role,
        is_agent=is_desk_staff(user),
        level=level.code if level else None,
        teams=sorted(user.team_memberships.values_list("team__slug", flat=True)),
        organisation=organisation_out(user.organisation),
    )


@router.get("/teams", response={200: list[TeamOut], 401: ErrorOut}, summary="Teams")
def teams(request: HttpRequest) -> list[TeamOut]:
    return [
        TeamOut(
            slug=team.slug,
            name=team.localized_name,
            name_en=team.name_en,
            name_de=team.name_de,
            is_active=team.is_active,
        )
        for team in Team.objects.order_by("slug")
    ]


@router.get("/levels", response={200: list[LevelOut], 401: ErrorOut}, summary="Support levels")
def levels(request: HttpRequest) -> list[LevelOut]:
    return [
        LevelOut(
            code=level.code,
            name=level.localized_name,
            rank=level.rank,
            holds_queue=level.holds_queue,
            talks_to_customers=level.talks_to_customers,
        )
        for level in Level.objects.order_by("rank")
    ]
