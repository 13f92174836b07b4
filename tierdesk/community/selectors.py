"""Every read of the forum, scoped to what the user may see.

Hidden threads and posts are seen by staff only. List helpers fetch what their
pages show in a fixed number of queries, whatever the number of threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from tierdesk.community.models import Category, Flag, Post, Thread, Vote
from tierdesk.community.permissions import can_moderate, can_see_hidden
from tierdesk.community.services.base import fold

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

MAX_SEARCH_TERMS = 8
MIN_TERM_LENGTH = 2


def threads_visible_to(user: User | Any) -> QuerySet[Thread]:
    threads = Thread.objects.select_related("category", "author", "accepted_answer")
    if not can_see_hidden(user):
        threads = threads.filter(is_hidden=False, category__is_active=True)
    return threads


def thread_for(user: User | Any, pk: int) -> Thread:
    """The thread, if ``user`` may read it; raises ``Thread.DoesNotExist`` otherwise."""
    return threads_visible_to(user).select_related("ticket").get(pk=pk)


def posts_of(thread: Thread, user: User | Any) -> list[Post]:
    """Question first, then the accepted answer, then answers by score and age."""
    posts = Post.objects.filter(thread=thread).select_related("author")
    if not can_see_hidden(user):
        posts = posts.filter(is_hidden=False)
    else:
        posts = posts.annotate(
            open_flag_count=Count("flags", filter=Q(flags__resolved_at__isnull=True))
        )
    ordered = sorted(
        posts,
        key=lambda post: (
            not post.is_question,
            post.pk != thread.accepted_answer_id,
            -post.score,
            post.created_at,
            post.pk,
        ),
    )
    return ordered


def votes_of(user: User | Any, posts: list[Post]) -> dict[int, int]:
    """``{post id: +1 or -1}`` for the posts ``user`` voted on (one query)."""
    if not user.is_authenticated or not posts:
        return {}
    rows = Vote.objects.filter(voter=user, post__in=[post.pk for post in posts])
    return dict(rows.values_list("post_id", "value"))


def flagged_by(user: User | Any, posts: list[Post]) -> set[int]:
    if not user.is_authenticated or not posts:
        return set()
    rows = Flag.objects.filter(reporter=user, post__in=[post.pk for post in posts])
    return set(rows.values_list("post_id", flat=True))


def categories_with_counts(user: User | Any) -> list[Category]:
    """Active categories, each with ``thread_count`` and ``unanswered_count`` (one query)."""
    visible = Q(threads__is_hidden=False) if not can_see_hidden(user) else Q()
    return list(
        Category.objects.filter(is_active=True).annotate(
            thread_count=Count("threads", filter=visible),
            unanswered_count=Count("threads", filter=visible & Q(threads__answer_count=0)),
        )
    )


SORTS = {
    "activity": ("-last_activity_at", "-id"),
    "votes": ("-score", "-last_activity_at", "-id"),
    "new": ("-created_at", "-id"),
}


def thread_list(
    user: User | Any,
    *,
    category: Category | None = None,
    sort: str = "activity",
    unanswered: bool = False,
) -> QuerySet[Thread]:
    threads = threads_visible_to(user)
    if category is not None:
        threads = threads.filter(category=category)
    if unanswered:
        threads = threads.filter(answer_count=0)
    return threads.order_by(*SORTS.get(sort, SORTS["activity"]))


def search_terms(query: str) -> list[str]:
    """The distinct, case-folded words of a query, short ones dropped."""
    terms: list[str] = []
    for word in fold(query).split():
        word = word.strip(".,;:!?\"'()[]{}")
        if len(word) >= MIN_TERM_LENGTH and word not in terms:
            terms.append(word)
    return terms[:MAX_SEARCH_TERMS]


def search_threads(user: User | Any, query: str) -> QuerySet[Thread]:
    """Threads containing every word of ``query`` in their title or visible text.

    Ranked by how many words are in the title, then by votes, an accepted
    answer, and recent activity. Case and ß/ss do not matter.
    """
    terms = search_terms(query)
    if not terms:
        return Thread.objects.none()
    threads = threads_visible_to(user)
    for term in terms:
        threads = threads.filter(search_text__contains=term)
    title_hits: Any = Value(0, output_field=IntegerField())
    for term in terms:
        title_hits = title_hits + Case(
            When(search_title__contains=term, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    has_accepted = Case(
        When(accepted_answer__isnull=False, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return threads.annotate(title_hits=title_hits, has_accepted=has_accepted).order_by(
        "-title_hits", "-score", "-has_accepted", "-last_activity_at", "-id"
    )


@dataclass(frozen=True)
class UnansweredSummary:
    total: int
    older_than_a_day: int
    without_ticket: int
    by_category: list[tuple[Category, int]]


def unanswered_threads(user: User | Any) -> QuerySet[Thread]:
    """Visible, unlocked questions without a visible answer, oldest first."""
    return (
        threads_visible_to(user)
        .filter(answer_count=0, is_hidden=False, is_locked=False)
        .select_related("ticket")
        .order_by("created_at", "id")
    )


def unanswered_summary(user: User | Any, *, day_ago: Any) -> UnansweredSummary:
    """Counts for the unanswered list: total, waiting over a day, no ticket, per category."""
    threads = unanswered_threads(user).order_by()
    totals = threads.aggregate(
        total=Count("id"),
        older=Count("id", filter=Q(created_at__lt=day_ago)),
        without_ticket=Count("id", filter=Q(ticket__isnull=True)),
    )
    per_category = dict(threads.values_list("category").annotate(n=Count("id")))
    categories = Category.objects.filter(pk__in=per_category)
    return UnansweredSummary(
        total=totals["total"],
        older_than_a_day=totals["older"],
        without_ticket=totals["without_ticket"],
        by_category=[(category, per_category[category.pk]) for category in categories],
    )


def moderation_queue(user: User | Any) -> QuerySet[Post]:
    """Posts with open flags, most flagged first, each with its open flags prefetched."""
    if not can_moderate(user):
        return Post.objects.none()
    open_flags = Flag.objects.filter(resolved_at__isnull=True).select_related("reporter")
    return (
        Post.objects.annotate(
            open_flag_count=Count("flags", filter=Q(flags__resolved_at__isnull=True))
        )
        .filter(open_flag_count__gt=0)
        .select_related("author", "thread__category")
        .prefetch_related(Prefetch("flags", queryset=open_flags, to_attr="open_flags"))
        .order_by("-open_flag_count", "created_at", "id")
    )
