"""Every message of Zammad's public mail fixtures goes through ingestion: none lost, none raises.

The expected sender, subject, content type and attachment names come from
Zammad's own parser tests (``expected.json``). Where tierdesk reads a message
differently, the difference is listed below with its reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tierdesk.channels.inbound import inbound_mail_process, inbound_mail_store
from tierdesk.channels.mime import parse_mail
from tierdesk.channels.models import InboundMail, InboundState

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "zammad-mail"

# Zammad keeps an HTML body's original as an extra attachment "message.html";
# tierdesk stores the sanitised HTML as the message itself. Left out everywhere.
ZAMMAD_HTML_COPY = "message.html"

KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {
    ("mail027.box", "content_type"): "Zammad files the HTML alternative as message.html and "
    "shows the text part; tierdesk shows the HTML alternative.",
    ("mail033-undelivered-mail-returned-to-sender-notification.box", "attachments"): "Zammad "
    "names the rfc822 part after its inner subject and the text part 'Delivery report'; "
    "tierdesk uses the part's Content-Description and shows the report text as the body.",
    ("mail055.box", "attachments"): "The report's text part is the body in tierdesk, not a "
    "'Delivery report.txt' attachment.",
    ("mail078.box", "attachments"): "The delivery-status part is kept as 'delivery-status.txt' "
    "after the rfc822 part in tierdesk's order; Zammad lists it first. Same names.",
    ("mail092.box", "attachments"): "Zammad calls the returned message 'Mail.eml'; tierdesk "
    "uses its Content-Description ('Undelivered Message'). The report text is the body.",
    ("mail092.box", "from_display_name"): "The From header has both an angle address and a "
    "comment; tierdesk keeps the comment in the name.",
    ("mail042.box", "attachments"): "An unnamed PGP/MIME version part is named after its "
    "Content-Description in tierdesk; Zammad calls it 'file'.",
    ("mail046.box", "from_display_name"): "Raw GBK bytes in From: tierdesk decodes them "
    "(武兰成); Zammad shows ISO-8859-2 mojibake of the same bytes.",
    ("mail065.box", "from_display_name"): "A broken encoded word; tierdesk decodes what it "
    "can ('Bürling, Andreas'); Zammad keeps the fragment '=20Andreas?='.",
    ("mail076.box", "from_email"): "Malformed address with a stray '>': tierdesk drops the "
    "stray character.",
    ("mail076.box", "from_display_name"): "Malformed address: tierdesk finds no display name.",
    ("mail087.box", "from_display_name"): "'From: Test test@example.com' is an address with "
    "no display name to tierdesk.",
    ("mail087.box", "attachments"): "A second text part without a file name is appended to "
    "the body in tierdesk, not kept as an unnamed 'file'.",
    ("mail089.box", "subject"): "Zammad's fixture drops the colon after the incident number; "
    "tierdesk keeps the subject as sent.",
    ("mail117.box", "from_email"): "RFC 2047 forbids encoded words in an address; decoding "
    "them would let a sender pass for someone else, so tierdesk keeps the address literal.",
    ("mail118.box", "from_email"): "Same as mail117: the encoded word in the address is not "
    "decoded.",
}
# No usable sender address: nobody could be answered. Each message is kept,
# visibly failed with its error, in the failed-mail list (and can be retried
# once an agent has fixed the customer), never dropped.
KNOWN_FAILURES: dict[str, str] = {
    "mail071.box": "From address with unquoted spaces ('power quadrant system@…')",
    "mail076.box": "From address is a quoted string with a stray '>' and no real domain part",
    "mail081.box": "From address 'redacted@redacted' has no valid domain (redacted fixture)",
    "mail087.box": "From header 'Test test@example.com' is not one address",
}


def _corpus() -> tuple[dict[str, dict[str, Any]], list[Path]]:
    expected_file = CORPUS / "expected.json"
    if not expected_file.exists():
        pytest.fail(
            f"The Zammad mail corpus is missing: expected {expected_file} "
            "(shared/corpora/zammad-mail beside the repository)."
        )
    return json.loads(expected_file.read_text()), sorted(CORPUS.glob("*.box"))


def _normal(value: str) -> str:
    """Ticket subjects and names are whitespace-normalised (leading/trailing, runs)."""
    return " ".join(value.split())


def _actual(name: str) -> dict[str, Any]:
    mail = parse_mail((CORPUS / name).read_bytes())
    return {
        "from_email": mail.from_email,
        "from_display_name": mail.from_name,
        "subject": mail.subject,
        "content_type": mail.content_type,
        "attachments": [attachment.filename for attachment in mail.attachments],
    }


def test_expected_fields_match_or_are_listed() -> None:
    expected, boxes = _corpus()
    assert len(boxes) == len(expected) == 64
    mismatches = []
    for name, fields in sorted(expected.items()):
        actual = _actual(name)
        for key, want in fields.items():
            if key == "from":
                continue  # the raw header; from_email and from_display_name cover it
            got = actual[key]
            if key == "attachments":
                want = [item for item in want if item != ZAMMAD_HTML_COPY]
            elif isinstance(want, str):
                want, got = _normal(want), _normal(got)
            if want != got and (name, key) not in KNOWN_DIFFERENCES:
                mismatches.append(f"{name} {key}: expected {want!r}, got {got!r}")
    assert not mismatches, "\n".join(mismatches)
    stale = [
        key
        for key in KNOWN_DIFFERENCES
        if key[0] in expected
        and key[1] in expected[key[0]]
        and _still_differs(key, expected) is False
    ]
    assert not stale, f"Listed as different but now equal (remove from the list): {stale}"


def _still_differs(key: tuple[str, str], expected: dict[str, dict[str, Any]]) -> bool:
    name, field = key
    want, got = expected[name][field], _actual(name)[field]
    if field == "attachments":
        want = [item for item in want if item != ZAMMAD_HTML_COPY]
        return bool(want != got)
    return _normal(str(want)) != _normal(str(got))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_message_is_ingested(mailbox) -> None:  # type: ignore[no-untyped-def]
    _expected, boxes = _corpus()
    outcome: dict[str, InboundMail] = {}
    for box in boxes:
        stored = inbound_mail_store(raw=box.read_bytes(), mailbox=mailbox)
        assert stored.created, f"{box.name} was taken for a redelivery"
        outcome[box.name] = inbound_mail_process(stored.inbound.pk)  # never raises
        # Zammad's fixtures reuse Message-IDs across tests (in real life: a redelivery,
        # see test_redelivery.py). Make room so the next fixture is stored as new.
        InboundMail.objects.filter(pk=stored.inbound.pk).update(
            message_id=f"<{box.name}>{stored.inbound.message_id}"[:255]
        )
    assert InboundMail.objects.count() == len(boxes)  # none lost
    failed = {
        name: mail.error for name, mail in outcome.items() if mail.state == InboundState.FAILED
    }
    assert sorted(failed) == sorted(KNOWN_FAILURES), failed
    for name, mail in outcome.items():
        if name in KNOWN_FAILURES:
            assert "No usable sender address" in mail.error
            continue
        assert mail.state in (InboundState.PROCESSED, InboundState.IGNORED), (name, mail.error)
        if mail.state == InboundState.PROCESSED:
            assert mail.ticket_id is not None, name
