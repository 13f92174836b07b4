"""Flags by users; hide, show and lock by staff; the moderation queue."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.errors import InvalidPost, ThreadLocked
from tierdesk.community.models import Flag, FlagReason, ModerationAction, Post, Thread
from tierdesk.community.services import (
    answer_create,
    flags_dismiss,
    post_flag,
    post_hide,
    post_unhide,
    thread_lock,
    thread_unlock,
)


def test_a_user_flags_a_post_once(department: factories.Department, answer: Post) -> None:
    post_flag(post=answer, reporter=department.customer_a, reason=FlagReason.SPAM)
    with pytest.raises(InvalidPost, match="reported this post already"):
        post_flag(post=answer, reporter=department.customer_a, reason=FlagReason.OFFENSIVE)
    with pytest.raises(InvalidPost, match="own post"):
        post_flag(post=answer, reporter=department.customer_b, reason=FlagReason.SPAM)
    with pytest.raises(InvalidPost, match="Unknown reason"):
        post_flag(post=answer, reporter=department.l1, reason="boring")
    assert Flag.objects.count() == 1


def test_flagged_post_is_in_the_queue_until_hidden(
    department: factories.Department,
    login: Callable[[User], Client],
    anonymous: Client,
    thread: Thread,
    answer: Post,
) -> None:
    response = login(department.customer_a).post(
        f"/community/p/{answer.pk}/flag/", {"reason": "spam", "comment": "Link zu Shop"}
    )
    assert response.status_code == 302
    agent = login(department.l1)
    queue = agent.get("/community/moderation/").content.decode()
    assert "Link zu Shop" in queue
    assert "2,4 GHz" in queue

    response = agent.post(
        f"/community/p/{answer.pk}/hide/", {"reason": "Werbung", "next": "moderation"}
    )
    assert response["Location"] == "/community/moderation/"
    answer.refresh_from_db()
    assert answer.is_hidden
    assert not Flag.objects.filter(resolved_at__isnull=True).exists()
    assert "no open reports" in agent.get("/community/moderation/").content.decode()
    assert "2,4 GHz" not in anonymous.get(f"/community/t/{thread.pk}/").content.decode()
    assert "2,4 GHz" in agent.get(f"/community/t/{thread.pk}/").content.decode()
    thread.refresh_from_db()
    assert thread.answer_count == 0
    assert list(ModerationAction.objects.values_list("kind", "reason")) == [("hidden", "Werbung")]

    post_unhide(post=answer, actor=department.l1)
    assert "2,4 GHz" in anonymous.get(f"/community/t/{thread.pk}/").content.decode()


def test_hiding_the_question_hides_the_thread(
    department: factories.Department, anonymous: Client, thread: Thread
) -> None:
    post_hide(post=thread.posts.get(is_question=True), actor=department.lead)
    assert anonymous.get(f"/community/t/{thread.pk}/").status_code == 404
    assert "Thermostat T3" not in anonymous.get("/community/").content.decode()
    assert "Thermostat T3" not in anonymous.get("/community/search/?q=thermostat").content.decode()


def test_dismissing_reports_keeps_the_post(department: factories.Department, answer: Post) -> None:
    post_flag(post=answer, reporter=department.customer_a, reason=FlagReason.OFF_TOPIC)
    assert flags_dismiss(post=answer, actor=department.l1) == 1
    answer.refresh_from_db()
    assert not answer.is_hidden
    with pytest.raises(InvalidPost, match="no open reports"):
        flags_dismiss(post=answer, actor=department.l1)


def test_a_locked_thread_refuses_answers_with_a_clear_error(
    department: factories.Department, login: Callable[[User], Client], thread: Thread
) -> None:
    thread_lock(thread=thread, actor=department.l2, reason="Gelöst per Firmware 3.2.0.")
    with pytest.raises(ThreadLocked, match="locked; it takes no new answers"):
        answer_create(thread=thread, author=department.customer_b, body="Noch eine Idee")

    response = login(department.customer_b).post(
        f"/community/t/{thread.pk}/answer/", {"body": "Noch eine Idee"}
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "This thread is locked; it takes no new answers. Reason: Gelöst per Firmware" in content
    assert "Noch eine Idee" in content  # the text is kept in the form
    assert thread.posts.count() == 1

    thread_unlock(thread=thread, actor=department.l2)
    answer_create(thread=thread, author=department.customer_b, body="Noch eine Idee")
    assert thread.posts.count() == 2
