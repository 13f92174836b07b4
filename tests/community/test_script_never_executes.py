"""Script in forum content never executes: the rendered pages carry no script from it.

Checked on the rendered HTML of every page that shows content, for content that
came through the services and for raw HTML written past them (render-time cleaning).
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.models import Category, FlagReason, Post, Thread
from tierdesk.community.services import answer_create, post_flag, thread_create

ATTACKS = (
    "<p>Hallo<script>alert('x')</script></p>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)" onclick="alert(2)">Link</a>',
    '<p onmouseover="alert(3)" style="background:url(javascript:alert(4))">Text</p>',
    "<svg><script>alert(5)</script></svg>",
    '<iframe src="https://evil.example/"></iframe><object data="x"></object>',
)


class _ContentScanner(HTMLParser):
    """Collects, inside <main>, every script element, on* attribute and javascript: URL."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.depth += 1
        if not self.depth:
            return
        if tag in {"script", "iframe", "object", "embed", "svg"}:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if value and "javascript:" in value.replace(" ", "").lower():
                self.found.append(f"{tag}[{name}={value}]")
            if name == "style":
                self.found.append(f"{tag}[style]")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.depth -= 1


def _dangerous_parts(page: str) -> list[str]:
    scanner = _ContentScanner()
    scanner.feed(page)
    assert "<main" in page
    return scanner.found


@pytest.fixture
def hostile_thread(department: factories.Department, category: Category) -> Thread:
    thread = thread_create(
        author=department.customer_a,
        category=category,
        title="<script>alert('title')</script> Kamera C4 offline",
        body="".join(ATTACKS),
    )
    for attack in ATTACKS:
        answer = answer_create(thread=thread, author=department.customer_b, body=attack + " ok")
    post_flag(post=answer, reporter=department.customer_a, reason=FlagReason.SPAM)
    return thread


def _pages(thread: Thread) -> list[str]:
    return [
        "/community/",
        f"/community/c/{thread.category.slug}/",
        f"/community/t/{thread.pk}/",
        "/community/search/?q=kamera",
        "/community/search/?q=%3Cscript%3E",
    ]


def test_no_script_from_content_on_public_pages(anonymous: Client, hostile_thread: Thread) -> None:
    for url in _pages(hostile_thread):
        response = anonymous.get(url)
        assert response.status_code == 200, url
        assert _dangerous_parts(response.content.decode()) == [], url
    thread_page = anonymous.get(f"/community/t/{hostile_thread.pk}/").content.decode()
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in thread_page
    assert "Kamera C4 offline" in thread_page


def test_no_script_from_content_on_staff_pages(
    department: factories.Department, login: Callable[[User], Client], hostile_thread: Thread
) -> None:
    client = login(department.l1)
    for url in [*_pages(hostile_thread), "/community/moderation/", "/community/unanswered/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _dangerous_parts(response.content.decode()) == [], url


def test_raw_html_written_past_the_services_is_cleaned_when_shown(
    department: factories.Department, anonymous: Client, hostile_thread: Thread
) -> None:
    Post.objects.filter(thread=hostile_thread).update(body_html="".join(ATTACKS))
    page = anonymous.get(f"/community/t/{hostile_thread.pk}/").content.decode()
    assert _dangerous_parts(page) == []
    assert "Link" in page and "Text" in page
