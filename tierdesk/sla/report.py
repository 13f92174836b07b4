"""SLA attainment per policy, team, level or month, computed in the database.

Counts and shares are one grouped aggregate query. Percentiles of the business
minutes to first response and to resolution use PostgreSQL's
``percentile_cont`` (an ordered-set aggregate) in the same query; SQLite has
none, so there they come from one ordered value list per group, interpolated
exactly as ``percentile_cont`` does. Both give the same figures (tested).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Aggregate, Count, F, FloatField, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tierdesk.sla.models import SlaPolicy, TargetName, TargetState, TicketSlaTarget

REPORTED_TARGETS = (TargetName.FIRST_RESPONSE, TargetName.RESOLUTION)
FINISHED = Q(state__in=[TargetState.MET, TargetState.BREACHED])
DONE = Q(met_at__isnull=False)

DIMENSIONS: dict[str, Any] = {
    "policy": _("Policy"),
    "team": _("Team"),
    "level": _("Level"),
    "month": _("Month"),
}
_GROUP_FIELD = {"policy": "policy_id", "team": "ticket__team_id", "level": "ticket__level_id"}


class PercentileCont(Aggregate):
    """PostgreSQL's ``percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)``."""

    function = "percentile_cont"
    name = "PercentileCont"
    output_field = FloatField()
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression: Any, fraction: float, **extra: Any) -> None:
        if not 0 <= fraction <= 1:
            raise ValueError("a percentile is a fraction between 0 and 1")
        super().__init__(expression, fraction=float(fraction), **extra)


def percentile_cont(ordered: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between the closest ranks, as PostgreSQL's ``percentile_cont``."""
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


@dataclass(frozen=True)
class TargetFigures:
    """Attainment of one target in one group. Minutes are business minutes."""

    finished: int
    met: int
    median_minutes: float | None
    p90_minutes: float | None

    @property
    def share_met(self) -> float | None:
        return self.met / self.finished if self.finished else None


@dataclass(frozen=True)
class ReportRow:
    key: str
    label: str
    tickets: int
    first_response: TargetFigures
    resolution: TargetFigures


@dataclass(frozen=True)
class SlaReport:
    dimension: str
    start: datetime
    end: datetime
    rows: tuple[ReportRow, ...]


def _targets(start: datetime, end: datetime) -> QuerySet[TicketSlaTarget]:
    return TicketSlaTarget.objects.filter(
        name__in=REPORTED_TARGETS, ticket__created_at__gte=start, ticket__created_at__lt=end
    )


def _grouped(queryset: QuerySet[TicketSlaTarget], dimension: str) -> QuerySet[Any]:
    if dimension == "month":
        zone = timezone.get_current_timezone()
        return queryset.annotate(group=TruncMonth("ticket__created_at", tzinfo=zone))
    return queryset.annotate(group=F(_GROUP_FIELD[dimension]))


def sla_report(
    *, dimension: str, start: datetime, end: datetime, use_database_percentiles: bool | None = None
) -> SlaReport:
    """Attainment of first response and resolution for tickets created in [start, end).

    ``use_database_percentiles`` defaults to whether the database has
    ``percentile_cont`` (PostgreSQL); tests force either way to compare them.
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown grouping “{dimension}”")
    if end <= start:
        raise ValueError("the period ends before it starts")
    in_database = (
        connection.vendor == "postgresql"
        if use_database_percentiles is None
        else use_database_percentiles
    )
    base = _grouped(_targets(start, end), dimension)
    aggregates: dict[str, Any] = {
        "finished": Count("id", filter=FINISHED),
        "met": Count("id", filter=Q(state=TargetState.MET)),
        "tickets": Count("ticket_id", distinct=True),
    }
    if in_database:
        aggregates["median"] = PercentileCont("business_minutes_used", 0.5, filter=DONE)
        aggregates["p90"] = PercentileCont("business_minutes_used", 0.9, filter=DONE)
    figures = list(base.values("group", "name").annotate(**aggregates).order_by("group", "name"))
    if not in_database:
        _add_percentiles(base, figures)
    return SlaReport(dimension=dimension, start=start, end=end, rows=_rows(dimension, figures))


def _add_percentiles(base: QuerySet[Any], figures: list[dict[str, Any]]) -> None:
    """One ordered value list for all groups, split and interpolated per group."""
    values: dict[tuple[Any, str], list[float]] = defaultdict(list)
    for group, name, minutes in (
        base.filter(DONE)
        .order_by("group", "name", "business_minutes_used")
        .values_list("group", "name", "business_minutes_used")
    ):
        values[(group, name)].append(minutes)
    for figure in figures:
        ordered = values.get((figure["group"], figure["name"]), [])
        figure["median"] = percentile_cont(ordered, 0.5)
        figure["p90"] = percentile_cont(ordered, 0.9)


def _labels(dimension: str, keys: set[Any]) -> dict[Any, str]:
    from tierdesk.teams.models import Level, Team

    if dimension == "month":
        return {key: timezone.localtime(key).strftime("%Y-%m") for key in keys if key}
    model = {"policy": SlaPolicy, "team": Team, "level": Level}[dimension]
    return {item.pk: str(item) for item in model.objects.filter(pk__in=keys)}  # type: ignore[attr-defined]


def _rows(dimension: str, figures: list[dict[str, Any]]) -> tuple[ReportRow, ...]:
    labels = _labels(dimension, {figure["group"] for figure in figures})
    by_group: dict[Any, dict[str, dict[str, Any]]] = defaultdict(dict)
    for figure in figures:
        by_group[figure["group"]][figure["name"]] = figure
    rows = []
    for group, targets in by_group.items():
        rows.append(
            ReportRow(
                key=str(group),
                label=labels.get(group, str(_("(none)"))),
                tickets=max(target["tickets"] for target in targets.values()),
                first_response=_figures(targets.get(TargetName.FIRST_RESPONSE)),
                resolution=_figures(targets.get(TargetName.RESOLUTION)),
            )
        )
    return tuple(sorted(rows, key=lambda row: row.label))


def _figures(figure: dict[str, Any] | None) -> TargetFigures:
    if figure is None:
        return TargetFigures(finished=0, met=0, median_minutes=None, p90_minutes=None)
    return TargetFigures(
        finished=figure["finished"],
        met=figure["met"],
        median_minutes=_rounded(figure["median"]),
        p90_minutes=_rounded(figure["p90"]),
    )


def _rounded(value: float | None) -> float | None:
    return round(float(value), 3) if value is not None else None


def report_csv(report: SlaReport) -> str:
    """The report as CSV (comma-separated, header row, shares as fractions)."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(
        [
            str(DIMENSIONS[report.dimension]),
            "tickets",
            "first_response_finished",
            "first_response_share_met",
            "first_response_median_minutes",
            "first_response_p90_minutes",
            "resolution_finished",
            "resolution_share_met",
            "resolution_median_minutes",
            "resolution_p90_minutes",
        ]
    )
    for row in report.rows:
        writer.writerow(
            [
                row.label,
                row.tickets,
                *_csv_figures(row.first_response),
                *_csv_figures(row.resolution),
            ]
        )
    return output.getvalue()


def _csv_figures(figures: TargetFigures) -> list[object]:
    share = figures.share_met
    return [
        figures.finished,
        "" if share is None else f"{share:.4f}",
        "" if figures.median_minutes is None else figures.median_minutes,
        "" if figures.p90_minutes is None else figures.p90_minutes,
    ]


@dataclass(frozen=True)
class TargetAttainment:
    """How often one kind of target was met, over every ticket's clock of that kind."""

    name: str
    label: str
    finished: int
    met: int

    @property
    def share_met(self) -> float | None:
        return self.met / self.finished if self.finished else None


def sla_attainment() -> tuple[TargetAttainment, ...]:
    """Share met per target (first response, next response, resolution), all time: one query."""
    counts = {
        row["name"]: row
        for row in TicketSlaTarget.objects.values("name")
        .annotate(
            finished=Count("id", filter=FINISHED), met=Count("id", filter=Q(state=TargetState.MET))
        )
        .order_by("name")
    }
    return tuple(
        TargetAttainment(
            name=str(name),
            label=str(name.label),
            finished=int(counts[name]["finished"]),
            met=int(counts[name]["met"]),
        )
        for name in TargetName
        if name in counts
    )
