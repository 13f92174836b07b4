"""Flags from users; hiding, showing and locking by staff. Every step is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from tierdesk.community.errors import InvalidPost, NotAllowed
from tierdesk.community.models import Flag, FlagReason, ModerationKind, Post, Thread
from tierdesk.community.permissions import can_moderate, can_take_part
from tierdesk.community.services.base import lock_thread, record, refresh_thread
from tierdesk.core.html import clean_text

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

MAX_REASON_LENGTH = 300


def _require_moderator(actor: User) -> None:
    if not can_moderate(actor):
        raise NotAllowed("Only the support team can moderate the forum.")


def post_flag(*, post: Post, reporter: User, reason: str, comment: str = "") -> Flag:
    """Report a post to the moderators. One flag per user and post."""
    if not can_take_part(reporter):
        raise NotAllowed("Please log in to report a post.")
    if reason not in FlagReason.values:
        raise InvalidPost(f"Unknown reason “{reason}”.")
    if post.author_id == reporter.pk:
        raise InvalidPost("You cannot report your own post.")
    try:
        with transaction.atomic():
            return Flag.objects.create(
                post=post, reporter=reporter, reason=reason, comment=clean_text(comment)[:500]
            )
    except IntegrityError:
        raise InvalidPost(
            "You have reported this post already; a moderator will look at it."
        ) from None


def _resolve_flags(post: Post) -> int:
    return Flag.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )


def post_hide(*, post: Post, actor: User, reason: str = "") -> Post:
    """Hide a post from everyone but staff; hiding the question hides the whole thread.

    Its open flags are resolved. A hidden accepted answer is no longer accepted.
    """
    _require_moderator(actor)
    reason = clean_text(reason).strip()[:MAX_REASON_LENGTH]
    with transaction.atomic():
        thread = lock_thread(post.thread)
        current = Post.objects.get(pk=post.pk)
        current.is_hidden = True
        current.hidden_reason = reason
        current.save(update_fields=["is_hidden", "hidden_reason"])
        changed = []
        if current.is_question:
            thread.is_hidden = True
            changed.append("is_hidden")
        if thread.accepted_answer_id == current.pk:
            thread.accepted_answer = None
            changed.append("accepted_answer")
        if changed:
            thread.save(update_fields=changed)
        _resolve_flags(current)
        refresh_thread(thread)
        record(thread, actor, ModerationKind.HIDDEN, post=current, reason=reason)
    post.is_hidden, post.hidden_reason = True, reason
    return post


def post_unhide(*, post: Post, actor: User) -> Post:
    _require_moderator(actor)
    with transaction.atomic():
        thread = lock_thread(post.thread)
        current = Post.objects.get(pk=post.pk)
        if not current.is_hidden:
            raise InvalidPost("This post is not hidden.")
        current.is_hidden = False
        current.hidden_reason = ""
        current.save(update_fields=["is_hidden", "hidden_reason"])
        if current.is_question:
            thread.is_hidden = False
            thread.save(update_fields=["is_hidden"])
        refresh_thread(thread)
        record(thread, actor, ModerationKind.UNHIDDEN, post=current)
    post.is_hidden, post.hidden_reason = False, ""
    return post


def flags_dismiss(*, post: Post, actor: User, reason: str = "") -> int:
    """The post is fine: resolve its open flags without hiding it. Returns how many."""
    _require_moderator(actor)
    with transaction.atomic():
        resolved = _resolve_flags(post)
        if not resolved:
            raise InvalidPost("This post has no open reports.")
        record(post.thread, actor, ModerationKind.FLAGS_DISMISSED, post=post, reason=reason)
    return resolved


def thread_lock(*, thread: Thread, actor: User, reason: str = "") -> Thread:
    """Close a thread to new answers; reading, votes and acceptance stay possible."""
    _require_moderator(actor)
    reason = clean_text(reason).strip()[:MAX_REASON_LENGTH]
    with transaction.atomic():
        current = lock_thread(thread)
        if current.is_locked:
            raise InvalidPost("This thread is locked already.")
        current.is_locked, current.locked_reason = True, reason
        current.save(update_fields=["is_locked", "locked_reason"])
        record(current, actor, ModerationKind.LOCKED, reason=reason)
    thread.is_locked, thread.locked_reason = True, reason
    return thread


def thread_unlock(*, thread: Thread, actor: User) -> Thread:
    _require_moderator(actor)
    with transaction.atomic():
        current = lock_thread(thread)
        if not current.is_locked:
            raise InvalidPost("This thread is not locked.")
        current.is_locked, current.locked_reason = False, ""
        current.save(update_fields=["is_locked", "locked_reason"])
        record(current, actor, ModerationKind.UNLOCKED)
    thread.is_locked, thread.locked_reason = False, ""
    return thread
