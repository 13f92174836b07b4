"""Calling the REST API as a given user, through Django's full request path."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client

from tierdesk.accounts.models import User
from tierdesk.accounts.tokens import api_token_create

ApiCall = Callable[..., HttpResponse]


@pytest.fixture
def call_api(client: Client) -> ApiCall:
    """``call_api(user, "GET", "/api/v1/me", body=None, headers=None)``.

    ``user`` may be ``None`` (no Authorization header). A token is issued per user
    through the token service, as ``create_api_token`` does.
    """
    tokens: dict[int, str] = {}

    def call(
        user: User | None,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw_body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
    ) -> HttpResponse:
        all_headers = dict(headers or {})
        if user is not None:
            if user.pk not in tokens:
                tokens[user.pk] = api_token_create(user=user).raw
            all_headers.setdefault("Authorization", f"Bearer {tokens[user.pk]}")
        data: bytes | str = b""
        if raw_body is not None:
            data = raw_body
        elif body is not None:
            data = json.dumps(body)
        return client.generic(
            method,
            path,
            data=data,
            content_type="application/json",
            headers=all_headers,
        )

    return call
