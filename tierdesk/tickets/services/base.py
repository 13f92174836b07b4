"""Shared machinery of the ticket services: locking, versions, events, numbers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tierdesk.core.html import clean_text
from tierdesk.tickets.errors import AttachmentRejected, InvalidChange, TicketConflict
from tierdesk.tickets.models import (
    Attachment,
    EventKind,
    Message,
    NumberSequence,
    Status,
    Ticket,
    TimelineEvent,
)

if TYPE_CHECKING:
    from tierdesk.accounts.models import User


class _Unset:
    """Marks an argument that was not given (``None`` is a meaningful value)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


@dataclass(frozen=True)
class AttachmentUpload:
    """A file to attach, as received from a form, the API or (later) a mail."""

    filename: str
    content_type: str
    data: bytes

    @property
    def size_bytes(self) -> int:
        return len(self.data)


def check_attachments(uploads: Iterable[AttachmentUpload]) -> list[AttachmentUpload]:
    """Refuse the whole message if one file is too large, before anything is written."""
    limit = settings.TIERDESK_MAX_ATTACHMENT_BYTES
    checked = [
        AttachmentUpload(clean_text(upload.filename), clean_text(upload.content_type), upload.data)
        for upload in uploads
    ]
    for upload in checked:
        if upload.size_bytes > limit:
            raise AttachmentRejected(
                _(
                    "The attachment “%(name)s” is %(size).1f MB; "
                    "the limit is %(limit).1f MB. Nothing was saved."
                )
                % {
                    "name": upload.filename,
                    "size": upload.size_bytes / 2**20,
                    "limit": limit / 2**20,
                }
            )
        if not upload.filename.strip():
            raise AttachmentRejected(_("An attachment has no file name. Nothing was saved."))
    return checked


def store_attachments(
    message: Message, uploads: Iterable[AttachmentUpload], written: list[str]
) -> None:
    """Save files and their rows; every stored file name is appended to ``written``."""
    from django.core.files.base import ContentFile

    for upload in uploads:
        attachment = Attachment(
            message=message,
            filename=upload.filename[:255],
            content_type=upload.content_type or "application/octet-stream",
            size_bytes=upload.size_bytes,
        )
        attachment.file.save(_safe_filename(upload.filename), ContentFile(upload.data), save=False)
        written.append(attachment.file.name)
        attachment.save()


def _safe_filename(filename: str) -> str:
    from django.core.exceptions import SuspiciousFileOperation
    from django.utils.text import get_valid_filename

    try:
        return get_valid_filename(filename)[:120]
    except SuspiciousFileOperation:
        return "attachment.bin"


@contextmanager
def files_removed_on_failure() -> Iterator[list[str]]:
    """Files written inside the block are deleted again if the block fails.

    The database rolls its rows back by itself; files on disk need this so that a
    failed message leaves nothing half-saved behind.
    """
    written: list[str] = []
    try:
        yield written
    except BaseException:
        from django.core.files.storage import default_storage

        for name in written:
            default_storage.delete(name)
        raise


def next_ticket_number() -> int:
    """The next human-facing ticket number, unique under concurrency."""
    first = settings.TIERDESK_FIRST_TICKET_NUMBER
    with transaction.atomic():
        sequence, _created = NumberSequence.objects.select_for_update().get_or_create(
            name="ticket", defaults={"last_value": first - 1}
        )
        NumberSequence.objects.filter(pk=sequence.pk).update(last_value=F("last_value") + 1)
        sequence.refresh_from_db(fields=["last_value"])
        return sequence.last_value


def lock_ticket(ticket: Ticket, expected_version: int | None) -> Ticket:
    """Reload ``ticket`` under a row lock and check the version the actor saw.

    Must run inside ``transaction.atomic()``.
    """
    current = (
        Ticket.objects.select_for_update(of=("self",))
        .select_related("team", "level", "assignee", "requester", "organisation")
        .get(pk=ticket.pk)
    )
    if expected_version is not None and current.version != expected_version:
        raise TicketConflict(
            _(
                "Ticket #%(number)s was changed by someone else in the meantime "
                "(you saw version %(seen)s, it is now %(current)s). "
                "Reload it and apply your change again."
            )
            % {"number": current.number, "seen": expected_version, "current": current.version},
            current_version=current.version,
        )
    return current


def save_ticket(ticket: Ticket, fields: Iterable[str]) -> None:
    """Save changed fields, bump the version and the update time."""
    ticket.version += 1
    ticket.updated_at = timezone.now()
    ticket.save(update_fields=[*set(fields), "version", "updated_at"])
    after_ticket_change(ticket)


def after_ticket_change(ticket: Ticket) -> None:
    """Follow-up effects of every saved change, called explicitly (no signals)."""
    from tierdesk.sla.services import sla_recompute

    sla_recompute(ticket)


def record_event(
    ticket: Ticket, actor: User | None, kind: EventKind, /, **data: Any
) -> TimelineEvent:
    return TimelineEvent.objects.create(ticket=ticket, actor=actor, kind=kind, data=data)


def publish(name: str, ticket: Ticket, **data: Any) -> None:
    """Announce a ticket event to the channels once the current transaction commits.

    Customer mail and webhooks react to these; calling them after commit means a
    rolled-back change never sends anything, and a slow mail server never holds
    a ticket lock.
    """
    from tierdesk.channels.events import on_ticket_event

    ticket_id = ticket.pk
    transaction.on_commit(lambda: on_ticket_event(name, ticket_id, data))


def actor_name(actor: User | None) -> str:
    return actor.display_name if actor is not None else "tierdesk"


def set_status(ticket: Ticket, actor: User | None, status: str) -> list[str]:
    """Change the status in memory, write the event, return the changed fields."""
    if status not in Status.values:
        raise InvalidChange(_("Unknown status “%(status)s”.") % {"status": status})
    if ticket.status == Status.CLOSED:
        raise InvalidChange(
            _("Ticket #%(number)s is closed and cannot change status.") % {"number": ticket.number}
        )
    old = ticket.status
    ticket.status = status
    changed = ["status"]
    now = timezone.now()
    if status == Status.SOLVED:
        ticket.solved_at = now
        changed.append("solved_at")
    elif status == Status.CLOSED:
        ticket.closed_at = now
        changed.append("closed_at")
        if ticket.solved_at is None:
            ticket.solved_at = now
            changed.append("solved_at")
    elif old == Status.SOLVED:
        ticket.solved_at = None
        changed.append("solved_at")
    record_event(ticket, actor, EventKind.STATUS, old=old, new=status)
    return changed


def refresh_from(stale: Ticket, current: Ticket) -> None:
    """Let the caller's object see the saved state (version, status …)."""
    for field in Ticket._meta.concrete_fields:
        setattr(stale, field.attname, getattr(current, field.attname))
