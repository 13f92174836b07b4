"""Errors the ticket services raise; interfaces turn them into clear messages."""

from __future__ import annotations


class TicketError(Exception):
    """Base class: the message is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(TicketError):
    """The actor may not do this (HTTP 403)."""


class InvalidChange(TicketError):
    """The change makes no sense for this ticket (HTTP 400/422)."""


class TicketConflict(TicketError):
    """Someone else changed the ticket since the actor loaded it (HTTP 409)."""

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version


class AttachmentRejected(TicketError):
    """An attachment is too large or unreadable (HTTP 413/400). Nothing was saved."""
