"""The same seed (and the same 'now') gives the same history; another seed does not."""

from __future__ import annotations

from tierdesk.accounts.models import User
from tierdesk.community.models import Thread
from tierdesk.customers.models import Organisation
from tierdesk.demo.loader import load_demo
from tierdesk.routing.models import RoutingRule
from tierdesk.teams.models import Skill
from tierdesk.tickets.models import NumberSequence, Tag, Ticket

from .conftest import NOW


def _fingerprint() -> list[tuple[object, ...]]:
    return list(
        Ticket.objects.order_by("number").values_list(
            "number", "subject", "requester__username", "channel", "team__slug",
            "level__code", "status", "type", "priority", "created_at", "csat_score",
            "assignee__username",
        )
    )  # fmt: skip


def _wipe() -> None:
    Thread.objects.all().delete()
    Ticket.objects.update(merged_into=None, problem=None)
    Ticket.objects.all().delete()
    User.objects.all().delete()
    for model in (Organisation, RoutingRule, Skill, NumberSequence, Tag):
        model.objects.all().delete()


def test_same_seed_same_history(db: None) -> None:
    load_demo(months=1, scale=0.05, seed=11, now=NOW)
    first = _fingerprint()
    _wipe()
    load_demo(months=1, scale=0.05, seed=11, now=NOW)
    second = _fingerprint()
    _wipe()
    load_demo(months=1, scale=0.05, seed=12, now=NOW)
    other = _fingerprint()
    assert len(first) > 20
    assert first == second
    assert first != other
