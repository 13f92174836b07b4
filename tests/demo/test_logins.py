"""The demo's named logins exist with the password 'demo' and the right roles, levels, teams."""

from __future__ import annotations

import pytest
from django.test import Client

from tierdesk.accounts.models import Role, User
from tierdesk.demo.loader import DemoSummary

EXPECTED = {
    "demo-manager": (Role.SERVICE_MANAGER, None, None),
    "demo-admin": (Role.ADMIN, None, None),
    "demo-l1": (Role.AGENT, "L1", "support"),
    "demo-l2": (Role.AGENT, "L2", "support"),
    "demo-l3": (Role.AGENT, "L3", "support"),
    "demo-customer": (Role.CUSTOMER, None, None),
}


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_named_login(small_demo: DemoSummary, username: str) -> None:
    role, level, team = EXPECTED[username]
    user = User.objects.get(username=username)
    assert user.check_password("demo")
    assert user.role == role
    profile = getattr(user, "agent_profile", None)
    assert (profile.level.code if profile else None) == level
    teams = list(user.team_memberships.values_list("team__slug", flat=True))
    assert teams == ([team] if team else [])
    assert username in {login.username for login in small_demo.logins}


def test_admin_can_use_django_admin(small_demo: DemoSummary) -> None:
    admin = User.objects.get(username="demo-admin")
    assert admin.is_staff and admin.is_superuser
    client = Client()
    assert client.login(username="demo-admin", password="demo")
    assert client.get("/admin/").status_code == 200


def test_demo_customer_is_german(small_demo: DemoSummary) -> None:
    customer = User.objects.get(username="demo-customer")
    assert customer.language == "de"
    assert customer.get_full_name() == "Anna Schmidt"
    assert customer.email.endswith("@example.com")


def test_every_team_has_a_lead_and_agents(small_demo: DemoSummary) -> None:
    from tierdesk.teams.models import Team, TeamMembership

    for team in Team.objects.all():
        leads = TeamMembership.objects.filter(team=team, is_lead=True)
        assert leads.count() == 1, team.slug
        lead = leads.get().user
        assert lead.role == Role.TEAM_LEAD
        assert lead.agent_profile.level.code == "L2"
        levels = set(
            TeamMembership.objects.filter(team=team, is_lead=False).values_list(
                "user__agent_profile__level__code", flat=True
            )
        )
        assert {"L1", "L2"} <= levels, team.slug
    assert small_demo.agents >= 40


def test_customers_use_reserved_example_domains(small_demo: DemoSummary) -> None:
    emails = User.objects.filter(role=Role.CUSTOMER).values_list("email", flat=True)
    assert len(emails) == 200
    for email in emails:
        domain = email.rsplit("@", 1)[1]
        assert domain in {"example.com", "example.net", "example.org"} or domain.endswith(
            ".example"
        ), email
