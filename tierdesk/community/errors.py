"""Errors the forum services raise; the message is meant for the user."""

from __future__ import annotations


class ForumError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(ForumError):
    """The actor may not do this (HTTP 403)."""


class InvalidPost(ForumError):
    """The input or the change makes no sense (HTTP 400)."""


class ThreadLocked(InvalidPost):
    """A locked thread takes no new answers."""


class KnowledgeUnavailable(ForumError):
    """The knowledge base cannot take a draft (its service is not installed)."""
