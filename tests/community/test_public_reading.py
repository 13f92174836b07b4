"""Anyone reads the forum without logging in; hidden things stay hidden."""

from __future__ import annotations

from django.test import Client

from tests import factories
from tierdesk.community.models import Category, Post, Thread


def test_anonymous_reads_every_public_page(
    anonymous: Client, category: Category, thread: Thread, answer: Post
) -> None:
    index = anonymous.get("/community/").content.decode()
    assert "Heating" in index and thread.title in index
    assert "Log in to ask a question" in index
    listing = anonymous.get(f"/community/c/{category.slug}/").content.decode()
    assert thread.title in listing
    page = anonymous.get(f"/community/t/{thread.pk}/")
    content = page.content.decode()
    assert page.status_code == 200
    assert "2,4 GHz" in content
    assert "Log in to answer" in content
    assert "Anna" in content
    assert "anna@example.com" not in content  # no e-mail addresses in public


def test_staff_pages_need_a_login(anonymous: Client) -> None:
    for url in ("/community/moderation/", "/community/unanswered/"):
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_unknown_thread_and_inactive_category_are_404(
    department: factories.Department, anonymous: Client, category: Category, thread: Thread
) -> None:
    assert anonymous.get("/community/t/999999/").status_code == 404
    category.is_active = False
    category.save()
    assert anonymous.get(f"/community/c/{category.slug}/").status_code == 404
    assert anonymous.get(f"/community/t/{thread.pk}/").status_code == 404
