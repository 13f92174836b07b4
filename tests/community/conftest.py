"""Fixtures for the forum: a category, a customer's question, logged-in clients."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from tests import factories
from tierdesk.community.models import Category, Post, Thread
from tierdesk.community.services import answer_create, thread_create


@pytest.fixture
def category(db: None) -> Category:
    return Category.objects.create(slug="heizung", name_de="Heizung", name_en="Heating", position=1)


@pytest.fixture
def thread(department: factories.Department, category: Category) -> Thread:
    """Customer A asks about the T3 thermostat."""
    return thread_create(
        author=department.customer_a,
        category=category,
        title="Thermostat T3 verliert WLAN",
        body="Seit dem Update verbindet sich mein T3 alle paar Stunden neu.",
        language="de",
    )


@pytest.fixture
def answer(department: factories.Department, thread: Thread) -> Post:
    """Customer B answers."""
    return answer_create(
        thread=thread,
        author=department.customer_b,
        body="Bei mir half es, den Router auf 2,4 GHz festzulegen.",
    )


@pytest.fixture
def anonymous() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
