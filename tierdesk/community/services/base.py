"""Shared machinery of the forum services: locking, counters, search text, audit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse

from tierdesk.community.models import ModerationAction, Post, Thread

if TYPE_CHECKING:
    from tierdesk.accounts.models import User


def lock_thread(thread: Thread) -> Thread:
    """Reload ``thread`` under a row lock. Must run inside ``transaction.atomic()``."""
    return Thread.objects.select_for_update().get(pk=thread.pk)


def fold(text: str) -> str:
    """Case-folded text for search: ``Straße`` and ``STRASSE`` compare equal."""
    return " ".join(text.casefold().split())


def refresh_thread(thread: Thread) -> None:
    """Recompute the visible answer count, the question's score and the search text."""
    posts = list(
        Post.objects.filter(thread=thread, is_hidden=False).values_list(
            "is_question", "score", "body_text"
        )
    )
    thread.answer_count = sum(1 for is_question, _score, _text in posts if not is_question)
    thread.score = next((score for is_question, score, _text in posts if is_question), 0)
    thread.search_title = fold(thread.title)[:200]
    thread.search_text = fold(" ".join([thread.title, *(text for _q, _s, text in posts)]))
    thread.save(update_fields=["answer_count", "score", "search_title", "search_text"])


def record(
    thread: Thread, actor: User | None, kind: str, *, post: Post | None = None, reason: str = ""
) -> ModerationAction:
    return ModerationAction.objects.create(
        thread=thread, post=post, actor=actor, kind=kind, reason=reason[:300]
    )


def thread_url(thread: Thread) -> str:
    """The thread's absolute address, for links in tickets and articles."""
    path = reverse("community:thread", kwargs={"pk": thread.pk})
    return settings.TIERDESK_BASE_URL.rstrip("/") + path
