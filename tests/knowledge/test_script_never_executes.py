"""Script in an article's text never reaches a page as markup that runs."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.knowledge.models import Category, Section
from tierdesk.knowledge.services import article_create, translation_publish

pytestmark = pytest.mark.django_db
Login = Callable[[User | None], Client]

HOSTILE = (
    "<p>Reset the lock.</p><script>alert('x')</script>"
    '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)" onclick="alert(3)">click</a>'
    '<svg onload="alert(4)"></svg><iframe src="https://evil.example"></iframe>'
    '<p style="background:url(javascript:alert(5))" onmouseover="alert(6)">Weiter</p>'
)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def _article_body(html: str) -> str:
    found = re.search(r'<div class="article-body">(.*?)</div>', html, re.DOTALL)
    assert found is not None
    return found.group(1)


def test_rendered_article_has_no_script(department: factories.Department, login: Login) -> None:
    category = Category.objects.create(slug="c", name_de="K", name_en="C")
    section = Section.objects.create(category=category, slug="s", name_de="S", name_en="S")
    article = article_create(
        actor=department.l2,
        section=section,
        language="en",
        title="<script>alert('title')</script>Lock reset",
        body=HOSTILE,
    )
    translation_publish(actor=department.l2, translation=article.translations.get())

    for client in (login(None), login(department.l2)):
        page = client.get(f"/help/a/{article.key}/?lang=en").content.decode()
        body = _article_body(page)
        assert "Reset the lock." in body
        assert "<script" not in body.lower()
        assert not EVENT_HANDLER.search(body)
        assert "javascript:" not in body.lower()
        assert "<iframe" not in body.lower() and "<svg" not in body.lower()
        assert "&lt;script&gt;alert(&#x27;title&#x27;)" in page  # the title is shown as text
    edit_page = login(department.l2).get(f"/help/manage/{article.key}/en/").content.decode()
    assert "<script>alert" not in edit_page
    assert not EVENT_HANDLER.search(_article_body(edit_page))


def test_search_snippets_escape_text(department: factories.Department, login: Login) -> None:
    category = Category.objects.create(slug="c", name_de="K", name_en="C")
    section = Section.objects.create(category=category, slug="s", name_de="S", name_en="S")
    article = article_create(
        actor=department.l2,
        section=section,
        language="en",
        title="Escaping",
        body="<p>Type &lt;script&gt;alert(1)&lt;/script&gt; into the thermostat field.</p>",
    )
    translation_publish(actor=department.l2, translation=article.translations.get())

    html = login(None).get("/help/search/?q=thermostat+field&lang=en").content.decode()

    assert "<mark>thermostat</mark>" in html
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html
