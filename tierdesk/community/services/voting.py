"""Votes on posts and the accepted answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Sum

from tierdesk.community.errors import InvalidPost, NotAllowed
from tierdesk.community.models import Post, Thread, Vote
from tierdesk.community.permissions import can_accept_answer, can_take_part, can_vote_on
from tierdesk.community.services.base import lock_thread, refresh_thread

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

VOTE_VALUES = {"up": Vote.UP, "down": Vote.DOWN, "none": 0}


def post_vote(*, post: Post, voter: User, value: int) -> Post:
    """Set ``voter``'s vote on ``post``: +1, -1, or 0 to withdraw it.

    A user has at most one vote per post; voting again replaces it.
    Returns the post with its new score.
    """
    if value not in (Vote.UP, Vote.DOWN, 0):
        raise InvalidPost("A vote is up (+1), down (−1) or withdrawn (0).")
    if not can_take_part(voter):
        raise NotAllowed("Please log in to vote.")
    if not can_vote_on(voter, post):
        raise NotAllowed("You cannot vote on your own post.")
    with transaction.atomic():
        thread = lock_thread(post.thread)
        current = Post.objects.select_for_update().get(pk=post.pk)
        if current.is_hidden or thread.is_hidden:
            raise InvalidPost("This post is hidden; it cannot be voted on.")
        if value == 0:
            Vote.objects.filter(post=current, voter=voter).delete()
        else:
            Vote.objects.update_or_create(post=current, voter=voter, defaults={"value": value})
        current.score = (
            Vote.objects.filter(post=current).aggregate(total=Sum("value"))["total"] or 0
        )
        current.save(update_fields=["score"])
        if current.is_question:
            refresh_thread(thread)
    post.score = current.score
    return post


def answer_accept(*, thread: Thread, answer: Post, actor: User) -> Thread:
    """Mark ``answer`` as the one that solved the question (asker or staff)."""
    if not can_accept_answer(actor, thread):
        raise NotAllowed("Only the person who asked, or the support team, can accept an answer.")
    with transaction.atomic():
        current = lock_thread(thread)
        chosen = Post.objects.filter(pk=answer.pk, thread=current).first()
        if chosen is None or chosen.is_question:
            raise InvalidPost("Only an answer in this thread can be accepted.")
        if chosen.is_hidden:
            raise InvalidPost("A hidden answer cannot be accepted.")
        current.accepted_answer = chosen
        current.save(update_fields=["accepted_answer"])
    thread.accepted_answer = chosen
    return thread


def answer_unaccept(*, thread: Thread, actor: User) -> Thread:
    if not can_accept_answer(actor, thread):
        raise NotAllowed("Only the person who asked, or the support team, can change this.")
    with transaction.atomic():
        current = lock_thread(thread)
        current.accepted_answer = None
        current.save(update_fields=["accepted_answer"])
    thread.accepted_answer = None
    return thread
