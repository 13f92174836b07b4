"""The planning pages: the manager runs and reads plans, a lead reads own teams', agents none."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests import factories
from tests.planning.test_plan_compute import NOW, _history
from tierdesk.planning.compute import plan_compute
from tierdesk.planning.models import PlanStatus, PlanVersion
from tierdesk.planning.services import plan_request

pytestmark = pytest.mark.django_db


def _client(user: factories.User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_manager_runs_a_plan_and_reads_its_roles(django_capture_on_commit_callbacks) -> None:
    department = factories.Department.build()
    _history(department.customer_a, weeks=10, per_hour=12)
    client = _client(department.manager)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post("/planning/run/", {"days": "7"})
    assert response.status_code == 302
    plan = PlanVersion.objects.get()
    assert plan.status == PlanStatus.QUEUED and len(queued) == 1
    plan_compute(plan.pk, now=NOW)
    page = client.get(f"/planning/plans/{plan.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "L1" in text and 'class="heatmap"' in text
    role = plan.roles.get()
    assert str(role.peak_agents) in text
    assert client.get("/planning/").status_code == 200


def test_a_wrong_number_of_days_is_refused_and_nothing_is_queued() -> None:
    department = factories.Department.build()
    response = _client(department.manager).post("/planning/run/", {"days": "5000"})
    assert response.status_code == 400
    assert not PlanVersion.objects.exists()


def test_agents_may_not_open_planning_and_leads_may_not_run_it(
    django_capture_on_commit_callbacks,
) -> None:
    department = factories.Department.build()
    assert _client(department.l1).get("/planning/").status_code == 403
    lead = _client(department.lead)
    assert lead.get("/planning/").status_code == 200
    assert lead.post("/planning/run/", {"days": "7"}).status_code == 403
    with django_capture_on_commit_callbacks(execute=False):
        plan = plan_request(actor=department.manager, start=date(2026, 3, 2), days=7)
    assert _client(department.l1).get(f"/planning/plans/{plan.pk}/").status_code == 403
