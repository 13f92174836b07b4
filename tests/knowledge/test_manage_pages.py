"""The agents' editing pages render, and a new article goes through the web forms."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.knowledge.models import ArticleTranslation, Section

pytestmark = pytest.mark.django_db
Login = Callable[[User | None], Client]


def test_write_and_publish_through_the_pages(
    help_center: int, department: factories.Department, login: Login
) -> None:
    agent = login(department.l2)
    assert agent.get("/help/manage/").status_code == 200
    assert agent.get("/help/manage/new/").status_code == 200
    section = Section.objects.get(slug="heating")
    created = agent.post(
        "/help/manage/new/",
        {
            "section": section.pk,
            "visibility": "public",
            "language": "en",
            "title": "Bleeding radiators",
            "body": "Use the key.",
        },
    )
    assert created.status_code == 302
    edit_url = created["Location"]
    assert agent.get(edit_url).status_code == 200
    assert agent.post(edit_url + "publish/").status_code == 302
    translation = ArticleTranslation.objects.get(title="Bleeding radiators")
    assert translation.is_live
    assert (
        agent.get(f"/help/manage/{translation.article.key}/de/").status_code == 200
    )  # start a translation
    bad = agent.post(edit_url + "save/", {"title": "", "body": ""})
    assert bad.status_code == 400
    assert ArticleTranslation.objects.get(pk=translation.pk).version == 1
    refused = login(department.l1).post(edit_url + "unpublish/")
    assert refused.status_code == 403
    assert login(department.customer_a).get("/help/manage/").status_code == 403
