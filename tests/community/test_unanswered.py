"""The agents' list of unanswered questions, with counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.models import Category, Thread
from tierdesk.community.services import (
    answer_create,
    post_hide,
    thread_create,
    thread_lock,
    thread_to_ticket,
)


def _ask(author: User, category: Category, title: str, *, days_ago: float = 0) -> Thread:
    return thread_create(
        author=author,
        category=category,
        title=title,
        body="Details zur Frage.",
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def test_unanswered_list_and_counts(
    department: factories.Department, login: Callable[[User], Client], category: Category
) -> None:
    other = Category.objects.create(slug="kameras", name_de="Kameras", name_en="Cameras")
    old = _ask(department.customer_a, category, "Alte offene Frage zum HK2", days_ago=3)
    fresh = _ask(department.customer_b, other, "Neue offene Frage zur C4")
    answered = _ask(department.customer_a, category, "Beantwortete Frage zum T3")
    answer_create(thread=answered, author=department.l1, body="Antwort")
    hidden = _ask(department.customer_b, category, "Versteckte Frage mit Spam")
    post_hide(post=hidden.posts.get(), actor=department.l1)
    locked = _ask(department.customer_b, category, "Gesperrte Frage ohne Antwort")
    thread_lock(thread=locked, actor=department.l1)
    hidden_answer_only = _ask(department.customer_a, other, "Nur versteckte Antwort bisher")
    spam = answer_create(thread=hidden_answer_only, author=department.customer_b, body="Spam")
    post_hide(post=spam, actor=department.l1)
    thread_to_ticket(thread=fresh, actor=department.l1)

    response = login(department.l1).get("/community/unanswered/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<dd id="count-total">3</dd>' in content
    assert '<dd id="count-older">1</dd>' in content
    assert '<dd id="count-without-ticket">2</dd>' in content
    # oldest first
    positions = [content.index(thread.title) for thread in (old, fresh, hidden_answer_only)]
    assert positions == sorted(positions)
    for excluded in (answered, hidden, locked):
        assert excluded.title not in content
    assert f"/desk/tickets/{fresh.ticket.number}/" in content  # type: ignore[union-attr]
