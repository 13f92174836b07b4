"""Organisations: about 40, eight key accounts with an account manager and higher revenue."""

from __future__ import annotations

from django.db.models import Max, Min

from tierdesk.customers.models import Organisation
from tierdesk.demo.loader import DemoSummary


def test_key_accounts_have_account_managers(small_demo: DemoSummary) -> None:
    key = Organisation.objects.filter(is_key_account=True)
    assert key.count() == 8
    assert small_demo.organisations == 40
    for organisation in key.select_related("account_manager"):
        manager = organisation.account_manager
        assert manager is not None
        assert manager.team_memberships.filter(team__slug="account_management").exists()
    lowest_key = key.aggregate(low=Min("annual_revenue_eur"))["low"]
    highest_other = Organisation.objects.filter(is_key_account=False).aggregate(
        high=Max("annual_revenue_eur")
    )["high"]
    assert lowest_key > highest_other
