"""Reading call records exported by a phone system (CSV). Pure: no Django.

Expected columns (header row, any order, case-insensitive): ``timestamp``,
``queue``, ``duration`` and ``outcome`` (``answered`` or ``abandoned``); an
optional ``call_id``. Durations are seconds or ``mm:ss`` / ``hh:mm:ss``;
timestamps are ISO 8601, read in ``default_zone`` when they carry no offset.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

REQUIRED_COLUMNS = ("timestamp", "queue", "duration", "outcome")
OUTCOMES = {
    "answered": "answered",
    "abandoned": "abandoned",
    "angenommen": "answered",
    "beantwortet": "answered",
    "abgebrochen": "abandoned",
    "aufgelegt": "abandoned",
}


@dataclass(frozen=True)
class CallRow:
    line: int
    started_at: datetime
    queue: str
    duration_seconds: int
    outcome: str
    external_id: str

    @property
    def import_key(self) -> str:
        """Same call, same key: the phone system's id, else a digest of the row."""
        if self.external_id:
            return f"id:{self.external_id}"[:64]
        raw = f"{self.started_at.isoformat()}|{self.queue}|{self.duration_seconds}|{self.outcome}"
        return "row:" + hashlib.sha256(raw.encode()).hexdigest()[:56]


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass(frozen=True)
class CallFile:
    rows: tuple[CallRow, ...]
    errors: tuple[RowError, ...]


class CallFileError(ValueError):
    """The file as a whole cannot be read (no header, missing columns)."""


def parse_duration(text: str) -> int:
    """Seconds from ``"95"``, ``"1:35"`` or ``"0:01:35"``."""
    parts = text.strip().split(":")
    if not 1 <= len(parts) <= 3 or not all(part.strip().isdigit() for part in parts):
        raise ValueError(f"duration “{text}” is not seconds, mm:ss or hh:mm:ss")
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds


def parse_timestamp(text: str, zone: ZoneInfo) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise ValueError(f"timestamp “{text}” is not ISO 8601 (e.g. 2024-03-01T09:15:00)") from None
    return value if value.tzinfo else value.replace(tzinfo=zone)


def parse_call_csv(text: str, *, default_zone: str = "Europe/Berlin") -> CallFile:
    zone = ZoneInfo(default_zone)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames:
        raise CallFileError("The file is empty: expected a header row.")
    columns = {name.strip().lower(): name for name in reader.fieldnames if name}
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise CallFileError(
            f"Missing column(s): {', '.join(missing)}. Found: {', '.join(columns) or 'none'}."
        )
    rows: list[CallRow] = []
    errors: list[RowError] = []
    for record in reader:
        line = reader.line_num
        try:
            rows.append(_row(record, columns, line, zone))
        except ValueError as error:
            errors.append(RowError(line, str(error)))
    return CallFile(tuple(rows), tuple(errors))


def _row(
    record: dict[str, str | None], columns: dict[str, str], line: int, zone: ZoneInfo
) -> CallRow:
    def value(name: str) -> str:
        return (record.get(columns[name]) or "").strip() if name in columns else ""

    queue = value("queue")
    if not queue:
        raise ValueError("queue is empty")
    outcome_text = value("outcome").lower()
    if outcome_text not in OUTCOMES:
        raise ValueError(f"outcome “{value('outcome')}” is not answered or abandoned")
    return CallRow(
        line=line,
        started_at=parse_timestamp(value("timestamp"), zone),
        queue=queue[:100],
        duration_seconds=parse_duration(value("duration")),
        outcome=OUTCOMES[outcome_text],
        external_id=value("call_id")[:60],
    )
