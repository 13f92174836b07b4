"""Reactions of the channels (customer mail, webhooks) to ticket events."""

from __future__ import annotations

from typing import Any


def on_ticket_event(name: str, ticket_id: int, data: dict[str, Any]) -> None:
    """Called after the transaction that changed the ticket has committed."""
