"""Bearer-token authentication: ``Authorization: Bearer <token>``."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from tierdesk.accounts.models import User
from tierdesk.accounts.tokens import api_token_authenticate


class BearerTokenAuth(HttpBearer):
    """Accepts tokens made by ``tierdesk create_api_token``; refuses inactive users."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return api_token_authenticate(token)


def request_user(request: HttpRequest) -> User:
    """The user the request's token belongs to (set by ``BearerTokenAuth``)."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user
