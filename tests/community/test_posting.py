"""Asking and answering: through the services and over HTTP, with clear errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.errors import InvalidPost, NotAllowed
from tierdesk.community.models import Category, Post, Thread
from tierdesk.community.services import answer_create, thread_create


def test_asking_creates_a_thread_with_the_question_as_first_post(
    department: factories.Department, login: Callable[[User], Client], category: Category
) -> None:
    client = login(department.customer_a)
    response = client.post(
        "/community/ask/",
        {
            "category": category.pk,
            "title": "Wie koppele ich das HK2 mit der Bridge?",
            "body": "Die App findet das Heizkörperthermostat nicht.",
            "language": "de",
        },
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/community/t/{thread.pk}/"
    question = thread.posts.get()
    assert question.is_question
    assert question.author == department.customer_a
    assert "Die App findet" in question.body_html
    assert thread.answer_count == 0
    assert "heizkörperthermostat" in thread.search_text


def test_agent_answers_and_the_answer_counts(
    department: factories.Department, login: Callable[[User], Client], thread: Thread
) -> None:
    response = login(department.l1).post(
        f"/community/t/{thread.pk}/answer/", {"body": "Bitte Firmware 3.2.0 installieren."}
    )
    answer = Post.objects.get(thread=thread, is_question=False)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#post-{answer.pk}")
    thread.refresh_from_db()
    assert thread.answer_count == 1
    page = login(department.customer_b).get(f"/community/t/{thread.pk}/").content.decode()
    assert "Bitte Firmware 3.2.0 installieren." in page
    assert "staff-badge" in page


def test_empty_answer_is_refused_and_nothing_is_saved(
    department: factories.Department, login: Callable[[User], Client], thread: Thread
) -> None:
    response = login(department.customer_b).post(
        f"/community/t/{thread.pk}/answer/", {"body": "<p><script>x()</script></p>"}
    )
    assert response.status_code == 400
    assert "The text is empty." in response.content.decode()
    assert not Post.objects.filter(thread=thread, is_question=False).exists()


def test_short_title_is_refused_and_the_text_is_kept(
    department: factories.Department, login: Callable[[User], Client], category: Category
) -> None:
    response = login(department.customer_a).post(
        "/community/ask/",
        {"category": category.pk, "title": "Hilfe", "body": "Mein langer Text", "language": "de"},
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "at least 8 characters" in content
    assert "Mein langer Text" in content
    assert not Thread.objects.exists()


def test_anonymous_users_are_sent_to_log_in(anonymous: Client, thread: Thread) -> None:
    asked = anonymous.post("/community/ask/", {"title": "Frage ohne Konto"})
    answered = anonymous.post(f"/community/t/{thread.pk}/answer/", {"body": "Antwort"})
    assert asked.status_code == 302 and asked["Location"].startswith("/accounts/login/")
    assert answered.status_code == 302 and answered["Location"].startswith("/accounts/login/")
    assert Thread.objects.count() == 1
    assert thread.posts.count() == 1


def test_service_refuses_anonymous_and_overlong_text(
    department: factories.Department, category: Category, thread: Thread
) -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotAllowed):
        answer_create(thread=thread, author=AnonymousUser(), body="Hallo")  # type: ignore[arg-type]
    with pytest.raises(InvalidPost, match="the limit is 20000"):
        thread_create(
            author=department.customer_b,
            category=category,
            title="Eine sehr lange Frage",
            body="x" * 20_001,
        )
    with pytest.raises(InvalidPost, match="Unknown language"):
        thread_create(
            author=department.customer_b,
            category=category,
            title="Frage auf Klingonisch",
            body="Qapla'",
            language="tlh",
        )
    assert Thread.objects.count() == 1
