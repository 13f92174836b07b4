"""Fixtures of the SLA tests: a clock the whole application reads, and quick policies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from tierdesk.sla.models import Calendar, SlaPolicy


@dataclass
class FakeClock:
    """The time every ``timezone.now()`` and every ``default=timezone.now`` sees."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def set(self, instant: datetime) -> None:
        self.now = instant

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    real_now = timezone.now
    fake = FakeClock(real_now())
    monkeypatch.setattr(timezone, "now", fake)
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if getattr(field, "default", None) is real_now:
                monkeypatch.setattr(field, "_get_default", fake, raising=False)
    yield fake


def make_policy(
    name: str = "Test policy",
    *,
    first: int | None = 60,
    following: int | None = 120,
    resolution: int | None = 600,
    calendar: Calendar | None = None,
    position: int = 1,
    **fields: object,
) -> SlaPolicy:
    """A policy placed before the seeded ones, so it applies to every ticket."""
    return SlaPolicy.objects.create(
        name=name,
        position=position,
        first_response_minutes=first,
        next_response_minutes=following,
        resolution_minutes=resolution,
        calendar=calendar,
        **fields,
    )


@pytest.fixture
def office_hours(db: None) -> Calendar:
    """The seeded Mon–Fri 8–18 Europe/Berlin calendar with German holidays."""
    return Calendar.objects.get(is_default=True)


@pytest.fixture
def around_the_clock(db: None) -> Calendar:
    return Calendar.objects.get(always_open=True)


@pytest.fixture(autouse=True)
def _sla_urls(settings: Any) -> None:
    """Mount the SLA pages at /sla/ until the project's urls.py does."""
    from django.urls import clear_url_caches

    if "sla" not in _mounted_namespaces():
        settings.ROOT_URLCONF = "tests.sla.urls"
        clear_url_caches()


def _mounted_namespaces() -> set[str]:
    from django.urls import get_resolver

    return set(get_resolver("tierdesk.urls").namespace_dict)
