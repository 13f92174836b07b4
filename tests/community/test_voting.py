"""Votes: one per user and post; changing one's mind replaces the vote."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.errors import InvalidPost, NotAllowed
from tierdesk.community.models import Post, Thread, Vote
from tierdesk.community.services import post_vote


def test_a_user_votes_once_per_post(department: factories.Department, answer: Post) -> None:
    post_vote(post=answer, voter=department.customer_a, value=Vote.UP)
    post_vote(post=answer, voter=department.customer_a, value=Vote.UP)
    answer.refresh_from_db()
    assert Vote.objects.filter(post=answer).count() == 1
    assert answer.score == 1

    post_vote(post=answer, voter=department.l1, value=Vote.UP)
    post_vote(post=answer, voter=department.customer_a, value=Vote.DOWN)
    answer.refresh_from_db()
    assert answer.score == 0  # +1 (agent) −1 (customer A changed her mind)

    post_vote(post=answer, voter=department.customer_a, value=0)
    answer.refresh_from_db()
    assert answer.score == 1
    assert list(Vote.objects.values_list("voter", flat=True)) == [department.l1.pk]


def test_question_votes_count_for_the_thread(
    department: factories.Department, thread: Thread
) -> None:
    question = thread.posts.get(is_question=True)
    post_vote(post=question, voter=department.customer_b, value=Vote.UP)
    thread.refresh_from_db()
    assert thread.score == 1


def test_own_post_and_bad_values_are_refused(
    department: factories.Department, answer: Post
) -> None:
    with pytest.raises(NotAllowed, match="your own post"):
        post_vote(post=answer, voter=department.customer_b, value=Vote.UP)
    with pytest.raises(InvalidPost, match="up"):
        post_vote(post=answer, voter=department.customer_a, value=5)
    assert not Vote.objects.exists()


def test_voting_twice_over_htmx_keeps_one_vote(
    department: factories.Department, login: Callable[[User], Client], answer: Post
) -> None:
    client = login(department.customer_a)
    for _ in range(2):
        response = client.post(
            f"/community/p/{answer.pk}/vote/", {"value": "up"}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
        assert '<span class="score" aria-label="Score">1</span>' in response.content.decode()
    assert Vote.objects.filter(post=answer, voter=department.customer_a).count() == 1


def test_anonymous_vote_goes_to_login(anonymous: Client, answer: Post) -> None:
    response = anonymous.post(f"/community/p/{answer.pk}/vote/", {"value": "up"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not Vote.objects.exists()
