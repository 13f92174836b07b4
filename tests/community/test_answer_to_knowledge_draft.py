"""An agent promotes an accepted answer into a knowledge-base draft.

Depends on ``tierdesk.knowledge.services.article_create_draft_from_text(title=,
body_html=, language=, author=, source=)``. If that function does not exist the
first test fails (on purpose, not skipped) and says so.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import pytest
from django.apps import apps

from tests import factories
from tierdesk.community.errors import InvalidPost, KnowledgeUnavailable, NotAllowed
from tierdesk.community.models import Post, Thread
from tierdesk.community.services import answer_accept, answer_promote_to_knowledge


def _knowledge_draft_function_exists() -> bool:
    try:
        module = importlib.import_module("tierdesk.knowledge.services")
    except ImportError:
        return False
    return hasattr(module, "article_create_draft_from_text")


def _stored_text_of(article: Any) -> str:
    """Everything stored on the article and on rows pointing at it (translations, versions).

    Read generically so this test does not depend on how the knowledge base models
    an article's title and text.
    """
    texts = [str(value) for value in vars(article).values()]
    for model in apps.get_app_config("knowledge").get_models():
        for field in model._meta.get_fields():
            if field.many_to_one and field.concrete and field.related_model is type(article):
                rows = model._default_manager.filter(**{field.name: article}).values()
                texts.extend(str(value) for row in rows for value in row.values())
    return " ".join(texts)


def test_accepted_answer_becomes_a_draft_article(
    department: factories.Department, thread: Thread, answer: Post
) -> None:
    if not _knowledge_draft_function_exists():
        pytest.fail(
            "tierdesk.knowledge.services.article_create_draft_from_text(title=, body_html=, "
            "language=, author=, source=) is missing: the forum cannot hand drafts to the "
            "knowledge base yet."
        )
    answer_accept(thread=thread, answer=answer, actor=department.customer_a)

    article = answer_promote_to_knowledge(thread=thread, actor=department.l2)

    assert article is not None and article.pk is not None
    thread.refresh_from_db()
    assert thread.knowledge_article_id == article.pk
    text = _stored_text_of(article)
    assert "Thermostat T3 verliert WLAN" in text
    assert "2,4 GHz" in text  # the accepted answer's text went into the draft
    with pytest.raises(InvalidPost, match="already"):
        answer_promote_to_knowledge(thread=thread, actor=department.l2)


def test_missing_knowledge_service_is_a_clear_error(
    department: factories.Department,
    thread: Thread,
    answer: Post,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer_accept(thread=thread, answer=answer, actor=department.customer_a)
    # A None entry in sys.modules makes the import fail as if the module were absent.
    monkeypatch.setitem(sys.modules, "tierdesk.knowledge.services", None)
    with pytest.raises(KnowledgeUnavailable, match="article_create_draft_from_text is missing"):
        answer_promote_to_knowledge(thread=thread, actor=department.l2)
    thread.refresh_from_db()
    assert thread.knowledge_article_id is None


def test_only_staff_and_only_with_an_accepted_answer(
    department: factories.Department, thread: Thread, answer: Post
) -> None:
    with pytest.raises(NotAllowed):
        answer_promote_to_knowledge(thread=thread, actor=department.customer_a)
    with pytest.raises(InvalidPost, match="accepted answer"):
        answer_promote_to_knowledge(thread=thread, actor=department.l2)
    thread.refresh_from_db()
    assert thread.knowledge_article_id is None
