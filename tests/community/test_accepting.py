"""The accepted answer: chosen by the asker or staff, always a visible answer of the thread."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.errors import InvalidPost, NotAllowed
from tierdesk.community.models import Category, Post, Thread
from tierdesk.community.services import (
    answer_accept,
    answer_create,
    answer_unaccept,
    post_hide,
    thread_create,
)


def test_the_asker_accepts_an_answer_over_http(
    department: factories.Department,
    login: Callable[[User], Client],
    thread: Thread,
    answer: Post,
) -> None:
    response = login(department.customer_a).post(
        f"/community/t/{thread.pk}/accept/", {"answer": answer.pk}
    )
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.accepted_answer == answer
    page = login(department.customer_b).get(f"/community/t/{thread.pk}/").content.decode()
    assert "Accepted answer" in page


def test_another_customer_cannot_accept(
    department: factories.Department,
    login: Callable[[User], Client],
    thread: Thread,
    answer: Post,
) -> None:
    other = factories.customer("carla")
    with pytest.raises(NotAllowed):
        answer_accept(thread=thread, answer=answer, actor=other)
    response = login(other).post(f"/community/t/{thread.pk}/accept/", {"answer": answer.pk})
    assert response.status_code == 403
    assert "Only the person who asked" in response.content.decode()
    thread.refresh_from_db()
    assert thread.accepted_answer is None


def test_staff_may_accept_and_unaccept(
    department: factories.Department, thread: Thread, answer: Post
) -> None:
    answer_accept(thread=thread, answer=answer, actor=department.l2)
    thread.refresh_from_db()
    assert thread.accepted_answer == answer
    answer_unaccept(thread=thread, actor=department.l2)
    thread.refresh_from_db()
    assert thread.accepted_answer is None


def test_only_a_visible_answer_of_this_thread_can_be_accepted(
    department: factories.Department, category: Category, thread: Thread, answer: Post
) -> None:
    other_thread = thread_create(
        author=department.customer_b,
        category=category,
        title="Rauchmelder piept nachts",
        body="Alle 40 Sekunden ein Piepton.",
    )
    foreign = answer_create(thread=other_thread, author=department.l1, body="Batterie tauschen.")
    with pytest.raises(InvalidPost, match="Only an answer in this thread"):
        answer_accept(thread=thread, answer=foreign, actor=department.customer_a)
    question = thread.posts.get(is_question=True)
    with pytest.raises(InvalidPost):
        answer_accept(thread=thread, answer=question, actor=department.customer_a)

    answer_accept(thread=thread, answer=answer, actor=department.customer_a)
    post_hide(post=answer, actor=department.l1, reason="Werbung")
    thread.refresh_from_db()
    assert thread.accepted_answer is None  # hiding the accepted answer withdraws it
    with pytest.raises(InvalidPost, match="hidden answer"):
        answer_accept(thread=thread, answer=answer, actor=department.customer_a)
