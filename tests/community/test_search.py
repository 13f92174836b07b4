"""Forum search: every word must match; title hits, votes and recency rank."""

from __future__ import annotations

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.community.models import Category, Thread, Vote
from tierdesk.community.selectors import search_terms, search_threads
from tierdesk.community.services import answer_create, post_hide, post_vote, thread_create


def _ask(author: User, category: Category, title: str, body: str) -> Thread:
    return thread_create(author=author, category=category, title=title, body=body)


def test_ranking_and_matching(department: factories.Department, category: Category) -> None:
    in_body = _ask(
        department.customer_a, category, "Frage zur Heizung", "Das Türschloss blinkt rot."
    )
    in_title = _ask(
        department.customer_b, category, "Türschloss S1 blinkt rot", "Was bedeutet das?"
    )
    in_title_voted = _ask(
        department.customer_a, category, "TÜRSCHLOSS S1 piept", "Seit gestern blinkt es."
    )
    post_vote(post=in_title_voted.posts.get(), voter=department.l1, value=Vote.UP)
    in_answer = _ask(department.customer_b, category, "Schloss reagiert nicht", "Hilfe")
    answer_create(thread=in_answer, author=department.l2, body="Türschloss neu anlernen.")
    _ask(department.customer_a, category, "Rauchmelder piept", "Nichts mit Schlössern")

    found = list(search_threads(department.customer_a, "türschloss"))
    assert found[:2] == [in_title_voted, in_title]  # title hits, then votes
    assert set(found[2:]) == {in_body, in_answer}

    assert list(search_threads(department.customer_a, "türschloss blinkt rot")) == [
        in_title,
        in_body,
    ]
    assert list(search_threads(department.customer_a, "   ")) == []


def test_case_and_sharp_s_do_not_matter(
    department: factories.Department, category: Category
) -> None:
    thread = _ask(department.customer_a, category, "Straße wird nicht erkannt", "Adresse im Konto")
    assert list(search_threads(department.customer_b, "STRASSE")) == [thread]
    assert list(search_threads(department.customer_b, "straße")) == [thread]
    assert search_terms("a ÄRGER, ärger! Ok") == ["ärger", "ok"]


def test_hidden_content_is_not_found_by_customers(
    department: factories.Department, category: Category
) -> None:
    thread = _ask(department.customer_a, category, "Kamera C2 Aufnahme", "Speicherkarte voll")
    secret = answer_create(thread=thread, author=department.customer_b, body="Gutscheincode XY")
    post_hide(post=secret, actor=department.l1, reason="Werbung")
    assert list(search_threads(department.customer_a, "gutscheincode")) == []
    assert list(search_threads(department.customer_a, "speicherkarte")) == [thread]


def test_search_page(
    department: factories.Department, anonymous: Client, category: Category
) -> None:
    _ask(department.customer_a, category, "App zeigt Fehler E-302", "Nach dem Update.")
    content = anonymous.get("/community/search/?q=e-302").content.decode()
    assert "App zeigt Fehler E-302" in content
    assert "1 thread found" in content
    assert "Nothing found" in anonymous.get("/community/search/?q=zzzz").content.decode()
