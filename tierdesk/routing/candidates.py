"""The router's hot path: lock a team's agents at a level and read their states.

Every automatic assignment (on arrival, reassignment, redistribution) passes here
inside the caller's transaction, serialised per team and level by the lock, so its
cost bounds how many tickets a team can take per second. It is plain SQL over the
models' tables (names taken from the models' ``_meta``): building the same queries
with the ORM cost several times the database's own work, and every round trip
counts on a busy machine (``bench/routing.md``).

Two statements, in this order:

1. lock the candidates' ``AgentProfile`` rows (``FOR UPDATE``, in primary-key order,
   so two workers never wait on each other crosswise) and read their columns, their
   level in each skill the ticket needs and, for an arrival, the team's mode — the
   profile values are those after the lock was granted;
2. count open tickets, only of the agents who pass the personal and skill checks,
   and per channel only when one of them has a cap for the ticket's channel
   (otherwise the count is answered from the ``(assignee, status)`` index alone).
   This must stay a statement of its own after the lock: PostgreSQL (READ
   COMMITTED) takes a statement's snapshot when the statement starts, so counting
   within the locking statement would miss a ticket committed by the worker it
   waited for.

Agents rejected before the count keep no open tickets; ``why_not`` checks in the
same order (person, skills, load), so ``choose_agent`` rejects them with the same
reason it would have given with everything loaded. Open tickets are always
counted from the tickets themselves: no counter to keep in step with every way a
ticket changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Field, Model
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from tierdesk.accounts.models import STAFF_ROLES, User
from tierdesk.routing.assignment import AgentState, Needs, why_not_person, why_not_skills
from tierdesk.routing.models import DEFAULT_PROFICIENCY, SkillProficiency, TeamMode, TeamRouting
from tierdesk.teams.models import AgentProfile, Level, Presence, Skill, Team, TeamMembership
from tierdesk.tickets.models import OPEN_STATUSES, Ticket

_STAFF_ROLES = sorted(str(role) for role in STAFF_ROLES)
_OPEN_STATUSES = [str(status) for status in OPEN_STATUSES]
_PROFILE_FIELDS = (
    "user",
    "languages",
    "max_open_tickets",
    "channel_caps",
    "last_assigned_at",
    "is_available",
    "presence",
    "shift_start",
    "shift_end",
    "absent_until",
)


def _name(model: type[Model], field: str | None = None) -> str:
    """The quoted name of ``model``'s table, or of the column of its ``field``."""
    if field is None:
        return connection.ops.quote_name(model._meta.db_table)
    column = model._meta.get_field(field)
    assert isinstance(column, Field)
    return connection.ops.quote_name(column.column)


def _any_of(vendor: str) -> str:
    """``IN`` a list passed as one parameter, so a statement's text never changes
    with the number of agents (and the driver parses it once)."""
    return "= ANY(%s)" if vendor == "postgresql" else "IN (SELECT value FROM json_each(%s))"


@cache
def _agents_statement(vendor: str, skills: int, lock: bool, arrival: bool) -> str:
    """The team's active staff at a level, with their level in ``skills`` skills.

    For an ``arrival`` the first column says whether the team works in push mode,
    and in pull mode only the preferred agent is read (and locked).
    """
    profile, member, user = AgentProfile, TeamMembership, User
    link, skill, rating = AgentProfile.skills.through, Skill, SkillProficiency
    columns = [f"p.{_name(profile, field)}" for field in _PROFILE_FIELDS]
    # NULL: the agent lacks the skill; a skill without a recorded level counts as default.
    link_agent, link_skill = f"l.{_name(link, 'agentprofile')}", f"l.{_name(link, 'skill')}"
    held = (
        f"(SELECT COALESCE(r.{_name(rating, 'proficiency')}, %s) FROM {_name(link)} l "
        f"INNER JOIN {_name(skill)} s ON s.{_name(skill, 'id')} = {link_skill} "
        f"LEFT JOIN {_name(rating)} r ON r.{_name(rating, 'agent')} = {link_agent} "
        f"AND r.{_name(rating, 'skill')} = {link_skill} "
        f"WHERE {link_agent} = p.{_name(profile, 'id')} AND s.{_name(skill, 'code')} = %s)"
    )
    push = (
        f"EXISTS (SELECT 1 FROM {_name(TeamRouting)} tr WHERE tr.{_name(TeamRouting, 'team')} = %s "
        f"AND tr.{_name(TeamRouting, 'mode')} = %s)"
    )
    statement = (
        f"SELECT {', '.join([push] * arrival + columns + [held] * skills)} "
        f"FROM {_name(profile)} p "
        f"WHERE p.{_name(profile, 'level')} = %s AND p.{_name(profile, 'user')} IN ("
        f"SELECT m.{_name(member, 'user')} FROM {_name(member)} m INNER JOIN {_name(user)} u "
        f"ON u.{_name(user, 'id')} = m.{_name(member, 'user')} "
        f"WHERE m.{_name(member, 'team')} = %s AND u.{_name(user, 'is_active')} "
        f"AND u.{_name(user, 'role')} {_any_of(vendor)}) "
        + (f"AND ({push} OR p.{_name(profile, 'user')} = %s) " if arrival else "")
        + f"ORDER BY p.{_name(profile, 'id')}"
    )
    # FOR UPDATE locks the profiles only, not the tables of subqueries. SQLite has
    # no row locks: its write transaction (IMMEDIATE) serialises writers instead.
    if lock and connection.features.has_select_for_update:
        statement += " FOR UPDATE"
    return statement


@cache
def _open_tickets_statement(vendor: str, by_channel: bool) -> str:
    ticket = Ticket
    assignee = f"t.{_name(ticket, 'assignee')}"
    in_channel = (
        f", SUM(CASE WHEN t.{_name(ticket, 'channel')} = %s THEN 1 ELSE 0 END)"
        if by_channel
        else ""
    )
    return (
        f"SELECT {assignee}, COUNT(*){in_channel} FROM {_name(ticket)} t "
        f"WHERE {assignee} {_any_of(vendor)} AND t.{_name(ticket, 'status')} {_any_of(vendor)} "
        f"GROUP BY {assignee}"
    )


@cache
def _team_mode_statement(vendor: str) -> str:
    routing = TeamRouting
    return (
        f"SELECT {_name(routing, 'mode')} FROM {_name(routing)} WHERE {_name(routing, 'team')} = %s"
    )


@cache
def _stamp_statement(vendor: str) -> str:
    profile = AgentProfile
    return (
        f"UPDATE {_name(profile)} SET {_name(profile, 'last_assigned_at')} = %s "
        f"WHERE {_name(profile, 'user')} = %s"
    )


def _list_param(values: Iterable[object]) -> list[Any] | str:
    """One parameter holding a list: an array for PostgreSQL, JSON text for SQLite."""
    if connection.vendor == "postgresql":
        return list(values)
    return json.dumps(list(values))


def _ids_param(ids: Iterable[int]) -> str:
    """A list of ids as one parameter: PostgreSQL reads ``{1,2}`` as an array literal
    (spelling it out is several times cheaper than the driver quoting each number)."""
    numbers = ",".join(map(str, ids))
    return f"{{{numbers}}}" if connection.vendor == "postgresql" else f"[{numbers}]"


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; they are stored in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _on_shift(start: time | None, end: time | None, clock: time) -> bool:
    if start is None or end is None:
        return True
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end  # a night shift over midnight


def routable_at(
    is_available: bool,
    presence: str,
    shift_start: time | None,
    shift_end: time | None,
    absent_until: date | None,
    *,
    today: date,
    clock: time,
) -> bool:
    """Available, working (not on a break, off shift or absent) and within shift hours.

    ``today`` and ``clock`` are the local date and time of day.
    """
    if absent_until is not None and absent_until >= today:
        return False
    return (
        bool(is_available)
        and presence == Presence.WORKING
        and _on_shift(shift_start, shift_end, clock)
    )


class _JsonColumn(dict[str | bytes, Any]):
    """A JSON column's values decoded once each: most agents share the same few.

    Both backends hand JSON columns over as text (Django leaves decoding to the field).
    """

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, raw: str | bytes) -> Any:
        value = self[raw] = self.convert(json.loads(raw))
        return value


def agent_states_for(
    team: Team,
    level: Level,
    needs: Needs,
    *,
    now: datetime,
    lock: bool = True,
    exclude: Collection[int] = (),
) -> list[AgentState]:
    """The states of the team's active staff at ``level``, in primary-key order.

    With ``lock`` (the default) it must run inside a transaction: the profiles stay
    locked until it ends, so nobody else assigns to these agents meanwhile.
    ``exclude``: user ids left out (still locked). Skills are those ``needs`` asks
    for; open tickets only of agents who pass every other check.
    """
    return _states(team, level, needs, now=now, lock=lock, exclude=exclude)[1]


def arrival_states(
    team: Team, level: Level, needs: Needs, *, now: datetime
) -> tuple[bool | None, list[AgentState]]:
    """For a ticket about to arrive: the team's mode and the agents it may go to, locked.

    In push mode these are all the team's staff at ``level`` (as ``agent_states_for``);
    in pull mode only the preferred agent, if any. The mode comes with the agents'
    rows, saving a round trip: it is ``True`` for push, ``False`` for pull, and
    ``None`` when no row came back to tell.
    """
    return _states(team, level, needs, now=now, lock=True, exclude=(), arrival=True)


def _states(
    team: Team,
    level: Level,
    needs: Needs,
    *,
    now: datetime,
    lock: bool,
    exclude: Collection[int],
    arrival: bool = False,
) -> tuple[bool | None, list[AgentState]]:
    if lock and not connection.in_atomic_block:
        raise TransactionManagementError("Locking agents needs a transaction.")
    vendor = connection.vendor
    wanted = needs.required_skills
    today, clock = timezone.localdate(now), timezone.localtime(now).time()
    teams = frozenset({team.slug})
    languages_of = _JsonColumn(lambda languages: frozenset(languages or ()))
    caps_of = _JsonColumn(lambda caps: {str(k): int(v) for k, v in (caps or {}).items()})
    push_params: list[Any] = [team.pk, TeamMode.PUSH.value] if arrival else []
    params: list[Any] = list(push_params)
    for code in wanted:
        params += [DEFAULT_PROFICIENCY, code]
    params += [level.pk, team.pk, _list_param(_STAFF_ROLES)]
    if arrival:
        params += [*push_params, needs.preferred_agent_id]
    push: bool | None = None
    states: list[AgentState] = []
    with connection.cursor() as cursor:
        cursor.execute(_agents_statement(vendor, len(wanted), lock, arrival), params)
        for row in cursor.fetchall():
            if arrival:
                push, row = bool(row[0]), row[1:]
            (
                user_id,
                languages,
                cap,
                channel_caps,
                last_assigned_at,
                is_available,
                presence,
                shift_start,
                shift_end,
                absent_until,
                *levels,
            ) = row
            if user_id in exclude:
                continue
            last = _aware(last_assigned_at)
            states.append(
                AgentState(
                    agent_id=user_id,
                    team_slugs=teams,
                    level_code=level.code,
                    languages=languages_of[languages],
                    skills={
                        code: lvl
                        for code, lvl in zip(wanted, levels, strict=True)
                        if lvl is not None
                    },
                    open_tickets=0,
                    cap=cap,
                    routable=routable_at(
                        is_available,
                        presence,
                        shift_start,
                        shift_end,
                        absent_until,
                        today=today,
                        clock=clock,
                    ),
                    channel_caps=caps_of[channel_caps],
                    last_assigned=last.timestamp() if last else None,
                )
            )
        eligible = [
            state
            for state in states
            if why_not_person(state, needs) is None and why_not_skills(state, needs) is None
        ]
        if not eligible:
            return push, states
        channel = needs.channel
        by_channel = bool(channel) and any(channel in state.channel_caps for state in eligible)
        cursor.execute(
            _open_tickets_statement(vendor, by_channel),
            [
                *([channel] if by_channel else []),
                _ids_param(state.agent_id for state in eligible),
                _list_param(_OPEN_STATUSES),
            ],
        )
        loads = {user_id: counts for user_id, *counts in cursor.fetchall()}
    if not loads:
        return push, states
    return push, [
        state
        if (counts := loads.get(state.agent_id)) is None
        else _with_load(state, counts[0], {channel: counts[1]} if by_channel else {})
        for state in states
    ]


def _with_load(state: AgentState, total: int, by_channel: dict[str, int]) -> AgentState:
    # Spelled out: dataclasses.replace costs three times as much, once per loaded agent.
    return AgentState(
        agent_id=state.agent_id,
        team_slugs=state.team_slugs,
        level_code=state.level_code,
        languages=state.languages,
        skills=state.skills,
        open_tickets=total,
        cap=state.cap,
        routable=state.routable,
        open_by_channel=by_channel,
        channel_caps=state.channel_caps,
        last_assigned=state.last_assigned,
    )


def stamp_assigned(user_id: int, now: datetime) -> None:
    """Note the time for round-robin (the agent's row is already locked)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _stamp_statement(connection.vendor),
            [connection.ops.adapt_datetimefield_value(now), user_id],
        )


def team_mode_of(team_id: int) -> str:
    """Push or pull; a team without routing settings works in pull mode."""
    with connection.cursor() as cursor:
        cursor.execute(_team_mode_statement(connection.vendor), [team_id])
        row = cursor.fetchone()
    return (row[0] if row else None) or TeamMode.PULL
