"""The demo forum loads through the services: threads, answers, votes, moderation, a ticket."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.community.demo_content import ForumDemoError, load_forum
from tierdesk.community.demo_threads import THREADS
from tierdesk.community.models import Flag, Post, Thread


def test_demo_forum_loads_once(department: factories.Department) -> None:
    for index in range(8):
        factories.customer(f"kunde{index}")

    summary = load_forum()

    assert summary.threads == len(THREADS) >= 30
    assert summary.categories == 5
    assert summary.unanswered == 5  # one of them already taken over as a ticket
    assert summary.accepted >= 18
    assert summary.votes > 100
    languages = set(Thread.objects.values_list("language", flat=True))
    assert languages == {"de", "en"}
    assert Thread.objects.filter(is_locked=True).count() == 1
    assert Post.objects.filter(is_hidden=True).count() == 1
    assert Flag.objects.filter(resolved_at__isnull=True).count() == 1
    ticketed = Thread.objects.get(ticket__isnull=False)
    assert ticketed.ticket is not None
    assert ticketed.ticket.requester == ticketed.author
    assert Thread.objects.filter(posts__author__role="agent").distinct().count() >= 15

    with pytest.raises(ForumDemoError, match="already"):
        load_forum()


def test_demo_forum_needs_people(db: None) -> None:
    with pytest.raises(ForumDemoError, match="customers"):
        load_forum()
    assert not Thread.objects.exists()
