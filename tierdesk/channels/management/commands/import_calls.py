"""``tierdesk import_calls FILE.csv``: call records from a phone system, for planning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tierdesk.channels.callcsv import CallFileError
from tierdesk.channels.calls import call_records_import


class Command(BaseCommand):
    help = (
        "Import call records (CSV with timestamp, queue, duration, outcome; optional call_id). "
        "Rows already imported are skipped; malformed rows are reported and not imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--time-zone", default=settings.TIME_ZONE, help="Zone of timestamps without offset."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            result = call_records_import(text, time_zone=options["time_zone"])
        except CallFileError as error:
            raise CommandError(f"{path}: {error}") from error
        for row_error in result.errors:
            self.stderr.write(f"{path}:{row_error.line}: {row_error.message}")
        self.stdout.write(
            f"{result.imported} imported, {result.already_known} already known, "
            f"{len(result.errors)} malformed"
        )
        if result.errors:
            raise CommandError(f"{len(result.errors)} malformed row(s) were not imported.")
