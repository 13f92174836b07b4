"""List pages fetch a fixed number of queries, however many threads there are."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.models import Category, FlagReason
from tierdesk.community.services import answer_create, post_flag, thread_create


def _add_threads(department: factories.Department, category: Category, count: int) -> None:
    authors = [department.customer_a, department.customer_b, department.l1]
    for index in range(count):
        thread = thread_create(
            author=authors[index % 3],
            category=category,
            title=f"Frage Nummer {index} zur Bridge",
            body="Bridge offline",
        )
        if index % 2:
            answer = answer_create(thread=thread, author=department.l2, body="Neu starten")
            post_flag(post=answer, reporter=department.customer_a, reason=FlagReason.SPAM)


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_list_pages_have_bounded_queries(
    department: factories.Department, login: Callable[[User], Client], category: Category
) -> None:
    client = login(department.lead)
    urls = [
        "/community/",
        f"/community/c/{category.slug}/",
        "/community/search/?q=bridge",
        "/community/unanswered/",
        "/community/moderation/",
    ]
    _add_threads(department, category, 4)
    few = {url: _queries(client, url) for url in urls}
    _add_threads(department, category, 20)
    many = {url: _queries(client, url) for url in urls}
    assert many == few
    assert max(many.values()) <= 12
