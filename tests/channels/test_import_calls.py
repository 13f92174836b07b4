"""``tierdesk import_calls``: counts, clear errors for malformed rows, idempotent re-import."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tierdesk.channels.models import CallRecord

GOOD = """timestamp,queue,duration,outcome,call_id
2024-12-02T09:00:05,hotline,125,answered,c1
2024-12-02 09:03:00,hotline,0:45,abandoned,c2
2024-12-02T09:04:00+01:00,sales,1:02:03,answered,
"""


@pytest.mark.django_db
def test_import_and_reimport(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "calls.csv"
    path.write_text(GOOD)
    call_command("import_calls", str(path))
    assert "3 imported, 0 already known, 0 malformed" in capsys.readouterr().out
    assert CallRecord.objects.count() == 3
    record = CallRecord.objects.get(queue="sales")
    assert record.duration_seconds == 3723
    call_command("import_calls", str(path))
    assert "0 imported, 3 already known" in capsys.readouterr().out
    assert CallRecord.objects.count() == 3


@pytest.mark.django_db
def test_malformed_rows_are_reported_and_the_rest_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "calls.csv"
    path.write_text(
        GOOD
        + "yesterday,hotline,10,answered,c9\n"
        + "2024-12-02T10:00:00,hotline,ten,answered,c10\n"
        + "2024-12-02T10:00:00,hotline,10,busy,c11\n"
    )
    with pytest.raises(CommandError, match="3 malformed"):
        call_command("import_calls", str(path))
    captured = capsys.readouterr()
    assert "3 imported" in captured.out
    assert ":5: timestamp “yesterday” is not ISO 8601" in captured.err
    assert ":6: duration “ten”" in captured.err
    assert ":7: outcome “busy”" in captured.err
    assert CallRecord.objects.count() == 3


@pytest.mark.django_db
def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("when,queue\n2024-01-01,x\n")
    with pytest.raises(CommandError, match=r"Missing column.*timestamp.*duration.*outcome"):
        call_command("import_calls", str(path))
    assert CallRecord.objects.count() == 0
