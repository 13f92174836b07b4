"""The demo department's forum: ~30 threads in German and English, through the services.

``load_forum`` runs after the demo people exist (``tierdesk demo``). Questions,
answers, votes, accepted answers, one locked thread, one hidden spam answer, one
open report and one thread taken over as a ticket are all made by the same
service functions the site uses; only the timestamps are set back in time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from tierdesk.accounts.models import Role, User
from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.community.demo_threads import CATEGORIES, THREADS, Author, ThreadSeed
from tierdesk.community.models import Category, FlagReason, Post, Thread, Vote
from tierdesk.community.services import (
    answer_accept,
    answer_create,
    post_flag,
    post_hide,
    post_vote,
    thread_create,
    thread_lock,
    thread_to_ticket,
)
from tierdesk.tickets.models import Channel

# Demo logins first; missing ones are replaced by other desk staff.
STAFF_USERNAMES = {
    "l1": "demo-l1",
    "l2": "demo-l2",
    "l3": "demo-l3",
    "lead": "demo-lead-support",
    "returns": "demo-lead-returns",
}
MIN_CUSTOMERS = 6


class ForumDemoError(Exception):
    """The demo forum cannot be loaded; the message says why."""


@dataclass(frozen=True)
class ForumSummary:
    categories: int
    threads: int
    answers: int
    votes: int
    accepted: int
    unanswered: int


@dataclass(frozen=True)
class _People:
    staff: dict[str, User]
    customers: list[User]

    def get(self, author: Author) -> User:
        if isinstance(author, int):
            return self.customers[author % len(self.customers)]
        return self.staff[author]

    def voters(self, count: int, *, exclude: User, offset: int) -> list[User]:
        """``count`` different users (customers, then staff), never ``exclude``."""
        pool = [user for user in [*self.customers, *self.staff.values()] if user != exclude]
        unique = list(dict.fromkeys(pool))
        start = offset % len(unique)
        rotated = unique[start:] + unique[:start]
        return rotated[: min(count, len(rotated))]


def _people() -> _People:
    customers = list(User.objects.filter(role=Role.CUSTOMER, is_active=True).order_by("id"))
    demo_customer = [user for user in customers if user.username == "demo-customer"]
    customers = demo_customer + [user for user in customers if user not in demo_customer]
    if len(customers) < MIN_CUSTOMERS:
        raise ForumDemoError(
            f"The demo forum needs at least {MIN_CUSTOMERS} customers; load the demo people first."
        )
    staff_users = [
        user
        for user in User.objects.exclude(role=Role.CUSTOMER).filter(is_active=True).order_by("id")
        if is_desk_staff(user)
    ]
    if not staff_users:
        raise ForumDemoError("The demo forum needs desk staff; load the demo people first.")
    by_name = {user.username: user for user in staff_users}
    staff = {
        key: by_name.get(username, staff_users[index % len(staff_users)])
        for index, (key, username) in enumerate(STAFF_USERNAMES.items())
    }
    return _People(staff=staff, customers=customers)


def _categories() -> dict[str, Category]:
    categories = {}
    for position, seed in enumerate(CATEGORIES, start=1):
        categories[seed.slug], _created = Category.objects.get_or_create(
            slug=seed.slug,
            defaults={
                "name_de": seed.name_de,
                "name_en": seed.name_en,
                "description_de": seed.description_de,
                "description_en": seed.description_en,
                "position": position * 10,
            },
        )
    return categories


def _load_thread(
    seed: ThreadSeed, number: int, people: _People, category: Category, now: datetime
) -> None:
    asked_at = now - timedelta(days=seed.days_ago)
    asker = people.get(seed.asker)
    thread = thread_create(
        author=asker,
        category=category,
        title=seed.title,
        body=seed.body,
        language=seed.language,
        created_at=asked_at,
    )
    question = Post.objects.get(thread=thread, is_question=True)
    for voter in people.voters(seed.votes, exclude=asker, offset=number * 7):
        post_vote(post=question, voter=voter, value=Vote.UP)
    moderator = people.staff["lead"]
    for index, answer_seed in enumerate(seed.answers):
        author = people.get(answer_seed.author)
        answered_at = min(asked_at + timedelta(hours=answer_seed.hours_later), now)
        answer = answer_create(
            thread=thread, author=author, body=answer_seed.body, created_at=answered_at
        )
        offset = number * 11 + index * 5
        for voter in people.voters(answer_seed.votes, exclude=author, offset=offset):
            post_vote(post=answer, voter=voter, value=Vote.UP)
        if answer_seed.accepted:
            answer_accept(thread=thread, answer=answer, actor=asker)
        if answer_seed.moderation:
            post_flag(post=answer, reporter=asker, reason=FlagReason.SPAM)
        if answer_seed.moderation == "spam":
            post_hide(post=answer, actor=moderator, reason="Werbung")
    if seed.locked_reason:
        thread_lock(thread=thread, actor=moderator, reason=seed.locked_reason)
    if seed.to_ticket:
        thread_to_ticket(
            thread=thread, actor=people.staff["returns"], channel=Channel.WEB, created_at=now
        )


def load_forum(*, now: datetime | None = None) -> ForumSummary:
    """Fill the forum of the demo department. Refuses to load twice."""
    now = now or timezone.now()
    with transaction.atomic():
        if Thread.objects.exists():
            raise ForumDemoError("The forum has threads already; the demo forum was not loaded.")
        people = _people()
        categories = _categories()
        for number, seed in enumerate(THREADS):
            _load_thread(seed, number, people, categories[seed.category], now)
    visible = Thread.objects.filter(is_hidden=False)
    return ForumSummary(
        categories=len(categories),
        threads=visible.count(),
        answers=Post.objects.filter(is_question=False, is_hidden=False).count(),
        votes=Vote.objects.count(),
        accepted=visible.filter(accepted_answer__isnull=False).count(),
        unanswered=visible.filter(answer_count=0).count(),
    )
