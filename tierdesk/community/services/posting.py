"""Asking and answering."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tierdesk.community.errors import InvalidPost, NotAllowed, ThreadLocked
from tierdesk.community.models import Category, Post, Thread
from tierdesk.community.permissions import can_take_part
from tierdesk.community.services.base import lock_thread, refresh_thread
from tierdesk.core.html import body_to_safe_html, clean_text, html_to_text

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

MIN_TITLE_LENGTH = 8
MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 20_000


def _clean_title(title: str) -> str:
    title = " ".join(clean_text(title).split())
    if len(title) < MIN_TITLE_LENGTH:
        raise InvalidPost(
            f"Please give your question a title of at least {MIN_TITLE_LENGTH} characters."
        )
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidPost(f"The title is longer than {MAX_TITLE_LENGTH} characters.")
    return title


def _clean_body(body: str) -> tuple[str, str]:
    """Sanitised HTML and its plain text; refuses empty and over-long texts."""
    if len(body) > MAX_BODY_LENGTH:
        raise InvalidPost(
            f"The text is {len(body)} characters long; the limit is {MAX_BODY_LENGTH}."
        )
    body_html = body_to_safe_html(body)
    body_text = html_to_text(body_html)
    if not body_text.strip():
        raise InvalidPost("The text is empty.")
    return body_html, body_text


def _language(language: str | None, author: User) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    chosen = language or author.language
    if chosen not in codes:
        raise InvalidPost(f"Unknown language “{chosen}”.")
    return chosen


def thread_create(
    *,
    author: User,
    category: Category,
    title: str,
    body: str,
    language: str | None = None,
    created_at: datetime | None = None,
) -> Thread:
    """Ask a question: a new thread with the question as its first post."""
    if not can_take_part(author):
        raise NotAllowed("Please log in to ask a question.")
    if not category.is_active:
        raise InvalidPost("This category takes no new questions.")
    title = _clean_title(title)
    body_html, body_text = _clean_body(body)
    now = created_at or timezone.now()
    with transaction.atomic():
        thread = Thread.objects.create(
            category=category,
            title=title,
            author=author,
            language=_language(language, author),
            created_at=now,
            last_activity_at=now,
        )
        Post.objects.create(
            thread=thread,
            author=author,
            is_question=True,
            body_html=body_html,
            body_text=body_text,
            created_at=now,
        )
        refresh_thread(thread)
    return thread


def answer_create(
    *, thread: Thread, author: User, body: str, created_at: datetime | None = None
) -> Post:
    """Answer a question. A locked or hidden thread takes no answers."""
    if not can_take_part(author):
        raise NotAllowed("Please log in to answer.")
    body_html, body_text = _clean_body(body)
    now = created_at or timezone.now()
    with transaction.atomic():
        current = lock_thread(thread)
        if current.is_locked:
            raise ThreadLocked(
                "This thread is locked; it takes no new answers."
                + (f" Reason: {current.locked_reason}" if current.locked_reason else "")
            )
        if current.is_hidden:
            raise InvalidPost("This thread is hidden; it takes no new answers.")
        answer = Post.objects.create(
            thread=current, author=author, body_html=body_html, body_text=body_text, created_at=now
        )
        current.last_activity_at = max(current.last_activity_at, now)
        current.save(update_fields=["last_activity_at"])
        refresh_thread(current)
    thread.refresh_from_db()
    return answer
