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


class Visitor:
    """Who calls a public endpoint without a token: sees what the public help center shows."""

    def __bool__(self) -> bool:  # ninja takes a falsy result for "not authenticated"
        return True


VISITOR = Visitor()


class TokenOrVisitor(BearerTokenAuth):
    """For public reads: no ``Authorization`` header means a visitor; a bad token is refused.

    A caller who sends a token that is wrong must hear so (401), rather than
    silently being served the visitor's smaller answer.
    """

    def __call__(self, request: HttpRequest) -> User | Visitor | None:
        if not request.headers.get(self.header):
            return VISITOR
        return super().__call__(request)


def request_reader(request: HttpRequest) -> User | None:
    """The token's user, or ``None`` for a visitor (set by ``TokenOrVisitor``)."""
    caller = request.auth  # type: ignore[attr-defined]
    return caller if isinstance(caller, User) else None
