"""The SLA report: hand-computed figures, equal on SQLite and PostgreSQL, bounded queries, CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection

from tests import factories
from tests.sla.calendars import berlin
from tests.sla.conftest import make_policy
from tierdesk.sla.business_time import add_business_minutes
from tierdesk.sla.calendars import business_calendar
from tierdesk.sla.report import percentile_cont, sla_report
from tierdesk.tickets.models import Status
from tierdesk.tickets.services import ticket_change_status, ticket_reply

# Business minutes to first response and to resolution of five tickets.
FIRST = [10, 20, 30, 40, 90]
RESOLVED = [100, 200, 300, 400, 700]


def build_history(department, clock, office_hours, count: int = 5) -> None:  # type: ignore[no-untyped-def]
    make_policy(first=60, following=None, resolution=600)
    calendar = business_calendar(office_hours)
    for index in range(count):
        opened = berlin(2025, 6, 2, 9, 0) + timedelta(days=7 * (index // 5))
        clock.set(opened)
        ticket = factories.ticket(department.customer_a, subject=f"Frage {index}")
        clock.set(add_business_minutes(calendar, opened, FIRST[index % 5]))
        ticket_reply(ticket, actor=department.l1, body="Antwort")
        clock.set(add_business_minutes(calendar, opened, RESOLVED[index % 5]))
        ticket_change_status(ticket, actor=department.l1, status=Status.SOLVED)


PERIOD = {"start": berlin(2025, 6, 1), "end": berlin(2025, 7, 1)}


@pytest.mark.django_db
@pytest.mark.parametrize("dimension", ["policy", "team", "level", "month"])
def test_figures_match_hand_computation(department, clock, office_hours, dimension) -> None:  # type: ignore[no-untyped-def]
    build_history(department, clock, office_hours)
    report = sla_report(dimension=dimension, **PERIOD)
    (row,) = report.rows
    assert row.tickets == 5
    assert (row.first_response.finished, row.first_response.met) == (5, 4)
    assert row.first_response.share_met == pytest.approx(0.8)
    # Median of 10, 20, 30, 40, 90 is 30; the 90th percentile lies 60 % of the
    # way from 40 to 90 (rank 3.6 of 0…4): 70.
    assert (row.first_response.median_minutes, row.first_response.p90_minutes) == (30, 70)
    assert (row.resolution.finished, row.resolution.met) == (5, 4)
    assert (row.resolution.median_minutes, row.resolution.p90_minutes) == (300, 580)
    if dimension == "month":
        assert row.label == "2025-06"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="percentile_cont is PostgreSQL's")
def test_database_and_value_list_percentiles_agree(department, clock, office_hours) -> None:  # type: ignore[no-untyped-def]
    build_history(department, clock, office_hours, count=7)
    for dimension in ("policy", "team", "month"):
        in_database = sla_report(dimension=dimension, use_database_percentiles=True, **PERIOD)
        from_values = sla_report(dimension=dimension, use_database_percentiles=False, **PERIOD)
        assert in_database == from_values


def test_percentile_cont_interpolates_like_postgresql() -> None:
    assert percentile_cont([], 0.5) is None
    assert percentile_cont([7.0], 0.9) == 7.0
    assert percentile_cont([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile_cont([10, 20, 30, 40, 90], 0.9) == pytest.approx(70)


@pytest.mark.django_db
def test_bad_report_input_is_refused() -> None:
    with pytest.raises(ValueError, match="grouping"):
        sla_report(dimension="colour", **PERIOD)
    with pytest.raises(ValueError, match="ends before"):
        sla_report(dimension="team", start=PERIOD["end"], end=PERIOD["start"])


@pytest.mark.django_db
def test_report_page_queries_do_not_grow_with_tickets(
    client, department, clock, office_hours, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    build_history(department, clock, office_hours, count=5)
    client.force_login(department.manager)
    url = "/sla/report/?group_by=team&start=2025-06-01&end=2025-06-30"
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200
    assert "80.0 %" in response.content.decode()
    build_history_more = 10
    clock.set(berlin(2025, 6, 16, 9))
    for index in range(build_history_more):
        factories.ticket(department.customer_b, subject=f"Mehr {index}")
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_csv_export(client, department, clock, office_hours) -> None:  # type: ignore[no-untyped-def]
    build_history(department, clock, office_hours)
    client.force_login(department.manager)
    response = client.get("/sla/report/?group_by=policy&start=2025-06-01&end=2025-06-30&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == [
        "Policy",
        "tickets",
        "first_response_finished",
        "first_response_share_met",
    ]
    assert rows[1][:6] == ["Test policy", "5", "5", "0.8000", "30.0", "70.0"]


@pytest.mark.django_db
def test_report_and_settings_are_for_managers(client, department) -> None:  # type: ignore[no-untyped-def]
    client.force_login(department.l1)
    assert client.get("/sla/report/").status_code == 403
    assert client.get("/sla/settings/").status_code == 403
    client.force_login(department.manager)
    assert client.get("/sla/report/").status_code == 200
    bad = client.get("/sla/report/?start=2025-06-30&end=2025-06-01")
    assert bad.status_code == 400
    assert "ends before it starts" in bad.content.decode()


@pytest.mark.django_db
def test_the_sla_address_leads_to_the_report(client, department) -> None:  # type: ignore[no-untyped-def]
    client.force_login(department.manager)
    response = client.get("/sla/")
    assert response.status_code == 302
    assert response["Location"] == "/sla/report/"
