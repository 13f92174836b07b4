"""API tokens: issuing, revoking and checking bearer tokens.

Only a SHA-256 digest of a token is stored, so a copy of the database does not
hand out working tokens; the raw token is shown once, when it is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from tierdesk.accounts.models import ApiToken, User

# Writing ``last_used_at`` on every request would turn each API read into a write;
# once per this interval is precise enough to spot unused tokens.
LAST_USED_PRECISION = timedelta(minutes=5)
# Tokens we issue are 46 characters; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 200


@dataclass(frozen=True)
class IssuedToken:
    """A new token: the stored row and the raw secret, which exists only here."""

    token: ApiToken
    raw: str


def api_token_create(*, user: User, name: str = "") -> IssuedToken:
    """Issue a new bearer token for ``user``; the raw token is returned once, never stored."""
    raw = ApiToken.new_raw_token()
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100],
        digest=ApiToken.digest_of(raw),
        prefix=raw[:8],
    )
    return IssuedToken(token=token, raw=raw)


def api_token_revoke(*, token: ApiToken) -> None:
    """Revoke a token: requests carrying it are refused from now on."""
    token.delete()


def api_token_authenticate(raw_token: str) -> User | None:
    """The active user a raw token belongs to, or ``None`` for unknown tokens and inactive users."""
    raw_token = raw_token.strip()
    if not raw_token or len(raw_token) > MAX_TOKEN_LENGTH:
        return None
    token = (
        ApiToken.objects.select_related("user", "user__agent_profile__level")
        .filter(digest=ApiToken.digest_of(raw_token))
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
