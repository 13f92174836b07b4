"""Customers take part but never moderate: not through the services, not over HTTP."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.errors import NotAllowed
from tierdesk.community.models import FlagReason, ModerationAction, Post, Thread
from tierdesk.community.services import (
    flags_dismiss,
    post_flag,
    post_hide,
    thread_lock,
    thread_to_ticket,
)


def test_services_refuse_customers(
    department: factories.Department, thread: Thread, answer: Post
) -> None:
    customer = department.customer_a  # the asker, and still no moderator
    post_flag(post=answer, reporter=customer, reason=FlagReason.SPAM)
    with pytest.raises(NotAllowed):
        post_hide(post=answer, actor=customer)
    with pytest.raises(NotAllowed):
        thread_lock(thread=thread, actor=customer)
    with pytest.raises(NotAllowed):
        flags_dismiss(post=answer, actor=customer)
    with pytest.raises(NotAllowed):
        thread_to_ticket(thread=thread, actor=customer)
    answer.refresh_from_db()
    thread.refresh_from_db()
    assert not answer.is_hidden and not thread.is_locked and thread.ticket is None


def test_http_refuses_customers(
    department: factories.Department,
    login: Callable[[User], Client],
    thread: Thread,
    answer: Post,
) -> None:
    client = login(department.customer_a)
    assert client.post(f"/community/p/{answer.pk}/hide/", {"reason": "x"}).status_code == 403
    assert client.post(f"/community/t/{thread.pk}/lock/", {"reason": "x"}).status_code == 403
    assert client.post(f"/community/t/{thread.pk}/ticket/", {"channel": "web"}).status_code == 403
    assert client.get("/community/moderation/").status_code == 403
    assert client.get("/community/unanswered/").status_code == 403
    page = client.get(f"/community/t/{thread.pk}/").content.decode()
    assert "/hide/" not in page and "/lock/" not in page
    assert not ModerationAction.objects.exists()
    answer.refresh_from_db()
    assert not answer.is_hidden
