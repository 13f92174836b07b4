"""Errors of the help center's services; the message is meant for the user.

They extend the ticket errors so that every interface (the API's handlers, the
views) already knows their status codes: 403 for ``NotAllowed``, 422 for
``InvalidChange``, 413 for ``AttachmentRejected``.
"""

from __future__ import annotations

from tierdesk.tickets.errors import AttachmentRejected, InvalidChange, NotAllowed


class ArticleNotAllowed(NotAllowed):
    """The actor may not do this to the article (HTTP 403)."""


class InvalidArticleChange(InvalidChange):
    """The change makes no sense (HTTP 422); nothing was saved."""


class ArticleFileRejected(AttachmentRejected):
    """The file is too large or of a kind the help center does not keep (HTTP 413)."""
