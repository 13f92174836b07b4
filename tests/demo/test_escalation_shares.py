"""Escalation shares echo a real tiered log (about 30 % to L2, about 7 % to L3)."""

from __future__ import annotations

from tierdesk.demo.loader import DemoSummary
from tierdesk.tickets.models import Message


def test_shares_within_bounds(medium_demo: DemoSummary) -> None:
    assert 0.2 <= medium_demo.share_reached_l2 <= 0.42
    assert 0.03 <= medium_demo.share_reached_l3 <= 0.12
    assert medium_demo.problems >= 1
    assert medium_demo.rated > 0 and 3.5 <= (medium_demo.mean_csat or 0) <= 4.6


def test_third_level_never_wrote_to_a_customer(medium_demo: DemoSummary) -> None:
    public_by_l3 = Message.objects.filter(
        is_public=True, from_customer=False, author__agent_profile__level__code="L3"
    )
    assert not public_by_l3.exists()


def test_queues_are_full(medium_demo: DemoSummary) -> None:
    assert medium_demo.open_tickets >= 30
    assert 0 < medium_demo.open_assigned < medium_demo.open_tickets
    statuses = dict(medium_demo.by_status)
    assert statuses.get("closed", 0) > statuses.get("open", 0)
