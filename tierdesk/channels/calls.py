"""Importing the phone system's call records for the planning history."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from tierdesk.channels.callcsv import CallFile, RowError, parse_call_csv
from tierdesk.channels.models import CallRecord


@dataclass(frozen=True)
class CallImport:
    imported: int
    already_known: int
    errors: tuple[RowError, ...]


def call_records_import(text: str, *, time_zone: str = "Europe/Berlin") -> CallImport:
    """Store the file's good rows; a row already imported (same key) is skipped.

    Raises ``callcsv.CallFileError`` when the file as a whole is unreadable.
    """
    parsed: CallFile = parse_call_csv(text, default_zone=time_zone)
    keys = [row.import_key for row in parsed.rows]
    known = set(CallRecord.objects.filter(import_key__in=keys).values_list("import_key", flat=True))
    new_rows = {row.import_key: row for row in parsed.rows if row.import_key not in known}
    with transaction.atomic():
        CallRecord.objects.bulk_create(
            [
                CallRecord(
                    started_at=row.started_at,
                    queue=row.queue,
                    duration_seconds=row.duration_seconds,
                    outcome=row.outcome,
                    import_key=key,
                )
                for key, row in new_rows.items()
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
    return CallImport(
        imported=len(new_rows),
        already_known=len(parsed.rows) - len(new_rows),
        errors=parsed.errors,
    )
