"""Compute a plan version: forecast every queue, staff it, sum the roles, size the hiring need.

The steps per queue (team × level × queue kind):

1. entries per local interval from the timeline (``series``), the last ``HISTORY_DAYS``;
2. forecast with the team's opening hours (phone, chat) or around the clock (written),
   German holidays of the team's calendar, the scenario's quantile;
3. the scenario's volume and handling-time changes;
4. agents per interval: Erlang C for phone, concurrent Erlang C for chat, and for
   written requests the deadline model on the business-hours time axis, so that a
   deadline in business minutes is exactly that many open minutes;
5. per role the sum over its queues, FTE with the scenario's shrinkage, and the gap
   against the agents in post (contracted hours), split by essential and trainable skills.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import pandas as pd
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from scipy.stats import norm

from tierdesk.planning.hours import open_slots, opening_hours, team_business_calendar
from tierdesk.planning.models import (
    CHANNEL_KIND,
    PlanQueue,
    PlanRole,
    PlanStatus,
    PlanVersion,
    QueueKind,
    QueueSettings,
)
from tierdesk.planning.series import counts_per_interval, entry_frame, queue_entries
from tierdesk.teams.models import AgentProfile, Level, Team
from tierdesk.tickets.models import TimeEntry
from tierdesk.workforce.forecast import forecast
from tierdesk.workforce.hiring import RoleNeed, Skill, StaffMember, hiring_need
from tierdesk.workforce.staffing import Queue, deadline_staffing, staffing_table

HISTORY_DAYS = 364
#: Queues with fewer entries in the history are not forecast (too little to plan on).
MIN_HISTORY_ENTRIES = 20
#: Time entries a queue needs before its measured handling time replaces the estimate.
MIN_TIME_ENTRIES = 30
AHT_WINDOW_DAYS = 84
FULL_TIME_HOURS = 40.0
RECRUITING_WEEKS = 8.0
TRAINING_WEEKS = 4.0

#: Stated estimates (seconds per entry) where the desk has no time accounting yet.
AHT_ESTIMATE = {QueueKind.PHONE: 360.0, QueueKind.CHAT: 540.0, QueueKind.WRITTEN: 480.0}
LEVEL_FACTOR = {"L1": 1.0, "L2": 2.5, "L3": 6.0}
#: Answer targets by level where no queue settings say otherwise (business minutes).
WRITTEN_DEADLINE_MINUTES = {"L1": 480, "L2": 960, "L3": 2400}
TARGET_SECONDS = {QueueKind.PHONE: 20, QueueKind.CHAT: 60}

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class HandlingTime:
    seconds: float
    measured: bool
    samples: int


def measured_handling_times(until: datetime) -> dict[tuple[str, str, str], tuple[float, int]]:
    """Minutes booked per (team, level, queue kind) in the window before ``until``, with counts."""
    since = until - timedelta(days=AHT_WINDOW_DAYS)
    rows = (
        TimeEntry.objects.filter(created_at__gte=since, created_at__lt=until)
        .values_list("team__slug", "level__code", "channel")
        .annotate(minutes=Sum("minutes"), entries=Count("pk"))
    )
    totals: dict[tuple[str, str, str], tuple[float, int]] = {}
    for team, level, channel, minutes, entries in rows:
        key = (team, level, str(CHANNEL_KIND.get(channel, QueueKind.WRITTEN)))
        before = totals.get(key, (0.0, 0))
        totals[key] = (before[0] + float(minutes or 0), before[1] + int(entries))
    return totals


def handling_time(
    booked: tuple[float, int] | None,
    queue_entries_in_window: int,
    settings: QueueSettings | None,
    kind: str,
    level: str,
) -> HandlingTime:
    """Work per queue entry: booked minutes ÷ entries in the same window, else the estimate."""
    if booked is not None and booked[1] >= MIN_TIME_ENTRIES and queue_entries_in_window > 0:
        return HandlingTime(booked[0] * 60.0 / queue_entries_in_window, True, booked[1])
    if settings is not None and settings.aht_estimate_seconds:
        return HandlingTime(float(settings.aht_estimate_seconds), False, 0)
    return HandlingTime(AHT_ESTIMATE[QueueKind(kind)] * LEVEL_FACTOR.get(level, 2.0), False, 0)


def _scenario_factor(
    plan: PlanVersion, local: pd.DatetimeIndex, team: str
) -> npt.NDArray[np.float64]:
    values = plan.scenario_settings or {}
    factor = np.ones(len(local))
    days = np.asarray(local.date)
    applies = values.get("team") in (None, team)
    change = float(values.get("volume_change_percent") or 0.0)
    if (
        applies
        and change
        and values.get("volume_change_from")
        and values.get("volume_change_until")
    ):
        first = date.fromisoformat(values["volume_change_from"])
        last = date.fromisoformat(values["volume_change_until"])
        factor[(days >= first) & (days <= last)] *= 1 + change / 100
    campaign = float(values.get("campaign_change_percent") or 0.0)
    if applies and campaign and values.get("campaign_date"):
        factor[days == date.fromisoformat(values["campaign_date"])] *= 1 + campaign / 100
    return factor


def _forecast_queue(
    history: pd.Series,
    kind: str,
    plan: PlanVersion,
    today: pd.Timestamp,
    local: pd.DatetimeIndex,
    hours_of_team: object,
) -> tuple[
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    str,
    list[dict[str, float]],
]:
    quantile = float((plan.scenario_settings or {}).get("forecast_quantile") or 0.5)
    level = 0.8
    hours = opening_hours(hours_of_team) if kind != QueueKind.WRITTEN else None  # type: ignore[arg-type]
    if hours is not None:
        # The forecaster is told the opening hours; closed slots are then simply absent.
        history = history[_mask_of(hours, history.index)]
    end = local[-1] + pd.Timedelta(minutes=plan.interval_minutes)
    periods = int((end - today) / pd.Timedelta(minutes=plan.interval_minutes))
    result = forecast(
        history,
        periods,
        start=today,
        level=level,
        opening_hours=hours,
        country=None,
        holidays=getattr(hours_of_team, "holidays", None) or None,
    )
    mean = result.mean.reindex(local, fill_value=0.0).to_numpy(dtype=np.float64)
    lower = result.lower.reindex(local, fill_value=0.0).to_numpy(dtype=np.float64)
    upper = result.upper.reindex(local, fill_value=0.0).to_numpy(dtype=np.float64)
    planned = quantile_volume(mean, quantile)
    accuracy = [
        {
            "lead": int(lead.lead_days),
            "mape": float(lead.mape),
            "wape": float(lead.wape),
            "noise_floor": float(getattr(lead, "poisson_mape", float("nan"))),
        }
        for backtest in result.backtest
        if backtest.method == result.method
        for lead in backtest.leads
    ]
    return planned, lower, upper, result.method, accuracy


def quantile_volume(mean: npt.NDArray[np.float64], quantile: float) -> npt.NDArray[np.float64]:
    """Volume per interval exceeded with probability ``1 - quantile`` under Poisson noise.

    Normal approximation ``mean + z·√mean``, kept continuous: summing the per-interval
    integer quantiles instead would plan *less* than the mean wherever an interval expects
    well under one contact (the integer quantile there is 0).
    """
    if quantile <= 0.5:
        return mean
    return mean + float(norm.ppf(quantile)) * np.sqrt(np.maximum(mean, 0.0))


def _mask_of(hours: object, index: pd.DatetimeIndex) -> npt.NDArray[np.bool_]:
    offsets = index - index.normalize()
    mask = np.zeros(len(index), dtype=bool)
    days = pd.DatetimeIndex(index.normalize())
    for day in days.unique():
        rows = np.flatnonzero(days == day)
        ranges = hours.open_ranges(day.date())  # type: ignore[attr-defined]
        mask[rows] = hours.slot_mask(ranges, offsets[rows])  # type: ignore[attr-defined]
    return mask


SPARSE_METHOD = "weekly_mean"
SPARSE_WEEKS = 8


def sparse_forecast(
    history: pd.Series, local: pd.DatetimeIndex, is_open: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float64]:
    """Mean entries of the same weekday and time of day over the last ``SPARSE_WEEKS`` weeks."""
    recent = history[history.index >= history.index[-1] - pd.Timedelta(weeks=SPARSE_WEEKS)]
    weeks = max(1.0, (recent.index[-1] - recent.index[0]) / pd.Timedelta(weeks=1))
    key = recent.index.dayofweek * 1440 + recent.index.hour * 60 + recent.index.minute
    mean = recent.groupby(key).sum() / weeks
    wanted = local.dayofweek * 1440 + local.hour * 60 + local.minute
    values = mean.reindex(wanted, fill_value=0.0).to_numpy(dtype=np.float64)
    return np.where(is_open | (values > 0), values, 0.0)


def written_agents(
    arrivals: npt.NDArray[np.float64],
    is_open: npt.NDArray[np.bool_],
    aht_seconds: float,
    interval_minutes: int,
    deadline_business_minutes: int,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Agents and backlog per interval for written requests due within business minutes.

    The deadline model runs on the axis of open intervals only: what arrives while the
    team is closed joins the next open interval, and a deadline of D business minutes is
    D / interval open intervals, as the SLA clock counts it.
    """
    agents = np.zeros(arrivals.size, dtype=np.int64)
    backlog = np.zeros(arrivals.size, dtype=np.float64)
    open_positions = np.flatnonzero(is_open)
    if open_positions.size == 0:
        return agents, backlog
    # Each interval's arrivals go to the first open interval at or after it.
    target = np.searchsorted(open_positions, np.arange(arrivals.size))
    inside = target < open_positions.size
    compressed = np.bincount(
        target[inside], weights=arrivals[inside], minlength=open_positions.size
    )
    deadline_hours = max(deadline_business_minutes, interval_minutes) / 60
    deadline_hours = round(deadline_hours * 60 / interval_minutes) * interval_minutes / 60
    plan = deadline_staffing(compressed, aht_seconds, interval_minutes * 60.0, deadline_hours)
    agents[open_positions] = plan.agents
    backlog[open_positions] = plan.backlog_items
    return agents, backlog


def queue_agents(
    planned: npt.NDArray[np.float64],
    is_open: npt.NDArray[np.bool_],
    kind: str,
    aht_seconds: float,
    interval_minutes: int,
    settings: QueueSettings | None,
    level: str,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], dict[str, float]]:
    """Agents needed per interval for one queue, its backlog, and the target it was planned to."""
    target_level = settings.target_level if settings else 0.8
    if kind == QueueKind.WRITTEN:
        deadline = (settings.deadline_business_minutes if settings else None) or (
            WRITTEN_DEADLINE_MINUTES.get(level, 960)
        )
        agents, backlog = written_agents(planned, is_open, aht_seconds, interval_minutes, deadline)
        return agents, backlog, {"deadline_business_minutes": float(deadline)}
    seconds = float(
        (settings.target_seconds if settings else None) or TARGET_SECONDS[QueueKind(kind)]
    )
    queue = Queue(
        aht_seconds=aht_seconds,
        target_level=target_level,
        target_seconds=seconds,
        channel="chat" if kind == QueueKind.CHAT else "phone",
        concurrency=settings.concurrency
        if settings and kind == QueueKind.CHAT
        else 2
        if kind == QueueKind.CHAT
        else 1,
    )
    table = staffing_table(np.where(is_open, planned, 0.0), queue, f"{interval_minutes}min")
    agents = np.where(is_open, table.agents, 0).astype(np.int64)
    return agents, np.zeros(planned.size), {"service_level": target_level, "seconds": seconds}


def required_fte(
    agents: npt.NDArray[np.int64], interval_minutes: int, days: int, shrinkage: float
) -> float:
    """Full-time positions for the busiest week of the plan, after shrinkage.

    Weeks are counted from the plan's first day; a plan shorter than a week is scaled to
    one. Staffing for the busiest week is what carries a department through its peak.
    """
    per_day = 1440 // interval_minutes
    hours_per_day = (
        agents[: days * per_day].reshape(-1, per_day).sum(axis=1) * interval_minutes / 60
    )
    if hours_per_day.size < 7:
        weekly = float(hours_per_day.sum()) * 7 / max(hours_per_day.size, 1)
    else:
        weeks = hours_per_day.size // 7
        weekly = float(hours_per_day[: weeks * 7].reshape(weeks, 7).sum(axis=1).max())
    return float(weekly / FULL_TIME_HOURS / (1 - shrinkage))


def _progress_writer(plan: PlanVersion) -> Progress:
    def write(percent: int, text: str) -> None:
        PlanVersion.objects.filter(pk=plan.pk).update(progress_percent=percent, progress_text=text)

    return write


def plan_compute(plan_id: int, *, now: datetime | None = None) -> PlanVersion:
    """Run a queued plan to the end; a failure is stored on the plan with its message."""
    plan = PlanVersion.objects.get(pk=plan_id)
    PlanVersion.objects.filter(pk=plan.pk).update(
        status=PlanStatus.RUNNING, started_at=timezone.now(), error=""
    )
    progress = _progress_writer(plan)
    try:
        summary = _compute(plan, now or timezone.now(), progress)
    except Exception as error:  # the planner must see why a run failed, whatever it was
        PlanVersion.objects.filter(pk=plan.pk).update(
            status=PlanStatus.FAILED,
            error=f"{type(error).__name__}: {error}",
            finished_at=timezone.now(),
        )
        raise
    PlanVersion.objects.filter(pk=plan.pk).update(
        status=PlanStatus.DONE,
        progress_percent=100,
        progress_text="",
        summary=summary,
        finished_at=timezone.now(),
    )
    plan.refresh_from_db()
    return plan


def _compute(plan: PlanVersion, now: datetime, progress: Progress) -> dict[str, object]:
    zone = ZoneInfo(plan.time_zone)
    today = pd.Timestamp(now.astimezone(zone).date())
    history_start = today - pd.Timedelta(days=HISTORY_DAYS)
    start_aware = history_start.to_pydatetime().replace(tzinfo=zone)
    end_aware = today.to_pydatetime().replace(tzinfo=zone)
    progress(2, "history")
    frame = entry_frame(queue_entries(start=start_aware, end=end_aware), plan.time_zone)
    counts = counts_per_interval(
        frame, first=history_start, last=today, interval_minutes=plan.interval_minutes
    )
    booked = measured_handling_times(end_aware)
    aht_since = today - pd.Timedelta(days=AHT_WINDOW_DAYS)
    local = pd.date_range(
        pd.Timestamp(plan.start),
        periods=plan.days * plan.intervals_per_day,
        freq=f"{plan.interval_minutes}min",
    )
    shrinkage = float((plan.scenario_settings or {}).get("shrinkage_percent", 30.0)) / 100
    aht_change = 1 + float((plan.scenario_settings or {}).get("aht_change_percent") or 0.0) / 100
    teams = {team.slug: team for team in Team.objects.filter(is_active=True)}
    levels = {level.code: level for level in Level.objects.all()}
    settings_of = {
        (s.team.slug, s.level.code, s.kind): s
        for s in QueueSettings.objects.select_related("team", "level")
    }
    keys = sorted(
        k
        for k, v in counts.items()
        if k[0] in teams and k[1] in levels and v.sum() >= MIN_HISTORY_ENTRIES
    )
    roles: dict[tuple[str, str], PlanRole] = {}
    skipped: list[str] = []
    role_agents: dict[tuple[str, str], npt.NDArray[np.int64]] = {}
    with transaction.atomic():
        plan.roles.all().delete()
        for position, (team_slug, level_code, kind) in enumerate(keys):
            progress(5 + int(80 * position / max(len(keys), 1)), f"{team_slug} {level_code} {kind}")
            calendar = team_business_calendar(teams[team_slug].pk)
            is_open = (
                open_slots(calendar, plan.start, plan.days, plan.interval_minutes)
                if not calendar.always_open
                else np.ones(len(local), dtype=bool)
            )
            history = counts[(team_slug, level_code, kind)]
            # A queue that began inside the window is forecast from its first day on:
            # the empty weeks before it are not a closed centre.
            history = history[history.index >= history[history > 0].index[0].normalize()]
            try:
                planned, lower, upper, method, accuracy = _forecast_queue(
                    history, kind, plan, today, local, calendar
                )
            except ValueError as error:  # ForecastInputError and too-short histories
                # Too sparse for the forecaster (a few contacts a week): plan on the mean of
                # the same weekday and time over recent weeks, and say so on the plan.
                skipped.append(f"{team_slug} {level_code} {kind}: {error}")
                planned = sparse_forecast(history, local, is_open)
                lower, upper, method, accuracy = planned, planned, SPARSE_METHOD, []
            factor = _scenario_factor(plan, local, team_slug)
            planned, lower, upper = planned * factor, lower * factor, upper * factor
            settings = settings_of.get((team_slug, level_code, kind))
            in_window = int(history[history.index >= aht_since].sum())
            handling = handling_time(
                booked.get((team_slug, level_code, kind)), in_window, settings, kind, level_code
            )
            aht = handling.seconds * aht_change
            agents, backlog, target = queue_agents(
                planned, is_open, kind, aht, plan.interval_minutes, settings, level_code
            )
            key = (team_slug, level_code)
            if key not in roles:
                roles[key] = PlanRole.objects.create(
                    plan=plan, team=teams[team_slug], level=levels[level_code]
                )
                role_agents[key] = np.zeros(len(local), dtype=np.int64)
            role_agents[key] = role_agents[key] + agents
            PlanQueue.objects.create(
                role=roles[key],
                kind=kind,
                forecast=np.round(planned, 3).tolist(),
                forecast_lower=np.round(lower, 3).tolist(),
                forecast_upper=np.round(upper, 3).tolist(),
                required_agents=agents.tolist(),
                backlog=np.round(backlog, 2).tolist(),
                aht_seconds=round(aht, 1),
                aht_measured=handling.measured,
                aht_samples=handling.samples,
                method=method,
                accuracy=accuracy,
                history_contacts=int(history.sum()),
                target=target,
            )
        progress(88, "hiring")
        _size_roles(plan, roles, role_agents, shrinkage)
    return {
        "roles": len(roles),
        "queues": len(keys),
        "required_fte": round(sum(r.required_fte for r in roles.values()), 1),
        "current_fte": round(sum(r.current_fte for r in roles.values()), 1),
        "gap_fte": round(sum(r.gap_fte for r in roles.values()), 1),
        "history_from": history_start.isoformat(),
        "history_until": today.isoformat(),
        "skipped": skipped,
    }


def _size_roles(
    plan: PlanVersion,
    roles: dict[tuple[str, str], PlanRole],
    role_agents: dict[tuple[str, str], npt.NDArray[np.int64]],
    shrinkage: float,
) -> None:
    """FTE needed and in post per role, and the hires by essential and trainable skills."""
    profiles = (
        AgentProfile.objects.select_related("user", "level")
        .prefetch_related("skills", "user__team_memberships__team")
        .filter(user__is_active=True)
    )
    staff: list[StaffMember] = []
    catalogue: dict[str, Skill] = {}
    role_skills: dict[tuple[str, str], set[str]] = {key: set() for key in roles}
    for profile in profiles:
        skills = frozenset(skill.name for skill in profile.skills.all())
        for skill in profile.skills.all():
            catalogue[skill.name] = Skill(
                skill.name, skill.essential, 0.0 if skill.essential else TRAINING_WEEKS
            )
        for membership in profile.user.team_memberships.all():
            key = (membership.team.slug, profile.level.code)
            staff.append(
                StaffMember(
                    str(profile.user.pk),
                    key[0],
                    key[1],
                    float(profile.weekly_hours) / FULL_TIME_HOURS,
                    skills,
                )
            )
            if key in role_skills:
                role_skills[key] |= set(skills)
    needs = []
    for key, role in roles.items():
        role.required_agents = role_agents[key].tolist()
        role.required_fte = round(
            required_fte(role_agents[key], plan.interval_minutes, plan.days, shrinkage), 2
        )
        # Skills most of a role's agents hold are the role's; rare ones are personal.
        members = [m for m in staff if (m.team, m.level) == key]
        common = {
            s
            for s in role_skills[key]
            if sum(s in m.skills for m in members) * 2 >= max(len(members), 1)
        }
        needs.append(RoleNeed(key[0], key[1], role.required_fte, frozenset(common)))
        role.current_fte = round(sum(m.fte for m in members), 2)
        role.agents_in_post = len(members)
    productive_by = plan.start + timedelta(days=max(plan.days // 2, 1))
    hiring = hiring_need(
        needs,
        staff,
        list(catalogue.values()),
        productive_by=productive_by,
        recruiting_weeks=RECRUITING_WEEKS,
        as_of=timezone.localdate(),
    )
    gaps = {(gap.team, gap.level): gap for gap in hiring.gaps}
    for key, role in roles.items():
        gap = gaps.get(key)
        if gap is not None:
            role.gap_fte = round(gap.gap_fte, 2)
            role.hires = gap.hires
            role.essential_skills = sorted(gap.essential_skills)
            role.trainable_skills = sorted(gap.trainable_skills)
            role.hire_by = getattr(gap, "hire_by", None)
        else:
            role.gap_fte = (
                max(0.0, round(role.required_fte - role.current_fte, 2))
                if math.isfinite(role.required_fte)
                else 0.0
            )
        role.save()
