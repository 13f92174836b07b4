"""Handing a thread to the desk: a ticket from a thread, a knowledge draft from an answer."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction

from tierdesk.community.errors import InvalidPost, KnowledgeUnavailable, NotAllowed
from tierdesk.community.models import ModerationKind, Post, Thread
from tierdesk.community.permissions import can_open_ticket_from_thread, can_promote_to_knowledge
from tierdesk.community.services.base import lock_thread, record, thread_url
from tierdesk.tickets.errors import TicketError
from tierdesk.tickets.models import Channel

if TYPE_CHECKING:
    from tierdesk.accounts.models import User
    from tierdesk.tickets.models import Ticket

TICKET_CHANNELS = (Channel.WEB, Channel.SOCIAL)

# Texts written into the ticket and the draft, in the thread's language.
_WORDS = {
    "de": {
        "asked": "Gefragt im Community-Forum",
        "note": "Aus dem Community-Forum übernommen von {agent}: {link}",
        "question": "Frage",
        "answer": "Antwort",
    },
    "en": {
        "asked": "Asked in the community forum",
        "note": "Taken over from the community forum by {agent}: {link}",
        "question": "Question",
        "answer": "Answer",
    },
}


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["en"])


def _link(url: str) -> str:
    escaped = html.escape(url)
    return f'<a href="{escaped}">{escaped}</a>'


def thread_to_ticket(
    *, thread: Thread, actor: User, channel: str = Channel.WEB, created_at: datetime | None = None
) -> Ticket:
    """Open a ticket for the asker with the question's text; link both ways.

    The thread keeps the ticket (``Thread.ticket``); the ticket gets an internal
    note with the thread's address, so its timeline shows where it came from.
    A thread becomes at most one ticket.
    """
    from tierdesk.tickets.services import ticket_add_note, ticket_create

    if not can_open_ticket_from_thread(actor):
        raise NotAllowed("Only the support team can open a ticket from a thread.")
    if channel not in TICKET_CHANNELS:
        raise InvalidPost(
            f"A ticket from the forum comes in by web or social media, not “{channel}”."
        )
    with transaction.atomic():
        current = lock_thread(thread)
        if current.ticket_id is not None:
            number = current.ticket.number if current.ticket else current.ticket_id
            raise InvalidPost(f"This thread is already ticket #{number}.")
        asker = current.author
        if asker.is_desk_staff:
            raise InvalidPost(
                "This question was asked by a member of staff; a ticket needs a customer."
            )
        question = Post.objects.get(thread=current, is_question=True)
        words, url = _words(current.language), thread_url(current)
        body = f"{question.body_html}<p>{words['asked']}: {_link(url)}</p>"
        try:
            ticket = ticket_create(
                requester=asker,
                subject=current.title,
                body=body,
                channel=channel,
                actor=actor,
                language=current.language,
                created_at=created_at,
            )
            note = words["note"].format(agent=html.escape(actor.display_name), link=_link(url))
            ticket_add_note(ticket, actor=actor, body=f"<p>{note}</p>")
        except TicketError as error:
            raise InvalidPost(error.message) from error
        current.ticket = ticket
        current.save(update_fields=["ticket"])
        record(current, actor, ModerationKind.TICKET_CREATED, reason=f"#{ticket.number}")
    thread.ticket = ticket
    return ticket


def _knowledge_draft_function() -> Callable[..., Any]:
    try:
        from tierdesk.knowledge.services import article_create_draft_from_text
    except ImportError as error:
        raise KnowledgeUnavailable(
            "The knowledge base cannot take drafts: "
            "tierdesk.knowledge.services.article_create_draft_from_text is missing."
        ) from error
    return article_create_draft_from_text


def answer_promote_to_knowledge(*, thread: Thread, actor: User) -> Any:
    """Hand the question and its accepted answer to the knowledge base as a draft.

    Calls ``tierdesk.knowledge.services.article_create_draft_from_text``; returns
    what it returns (the draft article). Raises ``KnowledgeUnavailable`` when the
    knowledge base offers no such function.
    """
    if not can_promote_to_knowledge(actor):
        raise NotAllowed("Only the support team can make knowledge-base drafts.")
    with transaction.atomic():
        current = lock_thread(thread)
        if current.knowledge_article_id is not None:
            raise InvalidPost(
                f"This thread was made into a knowledge-base draft already "
                f"(article {current.knowledge_article_id})."
            )
        answer = current.accepted_answer
        if answer is None or answer.is_hidden:
            raise InvalidPost("Only a thread with an accepted answer can become an article.")
        article_create_draft_from_text = _knowledge_draft_function()
        question = Post.objects.get(thread=current, is_question=True)
        words = _words(current.language)
        body_html = (
            f"<h2>{words['question']}</h2>{question.body_html}"
            f"<h2>{words['answer']}</h2>{answer.body_html}"
        )
        article = article_create_draft_from_text(
            title=current.title,
            body_html=body_html,
            language=current.language,
            author=actor,
            source=thread_url(current),
        )
        current.knowledge_article_id = getattr(article, "pk", None)
        current.save(update_fields=["knowledge_article_id"])
        record(current, actor, ModerationKind.KNOWLEDGE_DRAFT, post=answer)
    thread.knowledge_article_id = current.knowledge_article_id
    return article
