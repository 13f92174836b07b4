"""Agents' working-time contracts: weekly hours, availability windows, start date."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from tests import factories
from tierdesk.accounts.models import Role, User
from tierdesk.teams.availability import AvailabilityError, parse_availability
from tierdesk.teams.models import AgentProfile


def test_availability_parses_to_sorted_windows_per_weekday() -> None:
    parsed = parse_availability(
        {"0": [["13:00", "17:00"], ["08:00", "12:00"]], "5": [["20:00", "24:00"]]}
    )

    assert parsed == {
        0: [(time(8), time(12)), (time(13), time(17))],
        5: [(time(20), time.max)],
    }
    assert parse_availability({}) == {}


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ([], "mapping"),
        ({"7": [["08:00", "12:00"]]}, "not a weekday"),
        ({"monday": [["08:00", "12:00"]]}, "not a weekday"),
        ({"0": ["08:00", "12:00"]}, "pair"),
        ({"0": [["8:00", "12:00"]]}, "HH:MM"),
        ({"0": [["08:00", "25:00"]]}, "not a time of day"),
        ({"0": [["12:00", "08:00"]]}, "ends before it starts"),
        ({"0": [["08:00", "12:00"], ["11:00", "14:00"]]}, "overlap"),
        ({"0": "08:00-12:00"}, "list"),
    ],
)
def test_bad_availability_is_refused_with_a_reason(value: object, reason: str) -> None:
    with pytest.raises(AvailabilityError, match=reason):
        parse_availability(value)


@pytest.mark.django_db
def test_profile_defaults_and_validation() -> None:
    profile = AgentProfile.objects.get(user=factories.agent("contracted"))
    assert profile.weekly_hours == Decimal("40")
    assert profile.availability == {}
    assert profile.employed_since is None

    profile.weekly_hours = Decimal("61")
    profile.availability = {"1": [["09:00", "08:00"]]}
    with pytest.raises(ValidationError) as refused:
        profile.full_clean()
    assert set(refused.value.message_dict) == {"weekly_hours", "availability"}
    assert "ends before it starts" in refused.value.message_dict["availability"][0]


@pytest.mark.django_db
def test_admin_edits_the_contract_and_refuses_bad_availability(client: Client) -> None:
    admin = User.objects.create_superuser("root", "root@example.com", "pw", role=Role.ADMIN)
    client.force_login(admin)
    profile = AgentProfile.objects.get(user=factories.agent("parttime"))
    url = f"/admin/teams/agentprofile/{profile.pk}/change/"
    page = client.get(url).content.decode().lower()
    assert "contracted hours per week" in page and "employed since" in page
    form = {
        "user": profile.user_id,
        "level": profile.level_id,
        "languages": '["de"]',
        "max_open_tickets": 25,
        "channel_caps": "{}",
        "is_available": "on",
        "presence": "working",
        "weekly_hours": "20.0",
        "employed_since": "2024-03-01",
    }

    refused = client.post(url, {**form, "availability": '{"0": [["13:00", "09:00"]]}'})
    assert refused.status_code == 200
    assert "ends before it starts" in refused.content.decode()
    profile.refresh_from_db()
    assert profile.weekly_hours == Decimal("40")

    saved = client.post(url, {**form, "availability": '{"0": [["08:00", "12:00"]]}'})
    assert saved.status_code == 302
    profile.refresh_from_db()
    assert (profile.weekly_hours, str(profile.employed_since)) == (Decimal("20.0"), "2024-03-01")
    assert profile.availability == {"0": [["08:00", "12:00"]]}
