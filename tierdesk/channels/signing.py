"""Signing webhook payloads with HMAC-SHA256. Pure."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Tierdesk-Signature"


def sign(secret: str, body: bytes) -> str:
    """The header value for ``body``: ``sha256=<hex digest>``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    """What a receiver does: compare in constant time."""
    return hmac.compare_digest(sign(secret, body), signature.strip())


def backoff_seconds(attempt: int, *, base: int = 30, cap: int = 6 * 3600) -> int:
    """Wait before retry number ``attempt`` (1-based): 30 s, 60 s, 120 s … at most 6 h."""
    return int(min(cap, base * 2 ** max(0, attempt - 1)))
