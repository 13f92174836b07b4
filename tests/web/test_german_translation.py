"""The German catalogue is complete and compiled, and the main pages speak German.

German is the UI's first language: every message of ``tierdesk/locale/de`` has a
translation, none is fuzzy, placeholders survive translation, the compiled
``django.mo`` matches the ``.po``, and the login page, the agent queue, a ticket
page and the portal's new-request page render in German.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests import factories
from tierdesk.accounts.models import User
from tierdesk.tickets.models import Ticket

CATALOGUE = Path(settings.BASE_DIR) / "tierdesk" / "locale" / "de" / "LC_MESSAGES"
PO_FILE = CATALOGUE / "django.po"
MO_FILE = CATALOGUE / "django.mo"

# Python's %-placeholders (named or not) and the doubled "%%".
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    """One message of a .po file: its texts, flags and the line it starts on."""

    line: int
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False


def _unquote(quoted: str) -> str:
    """The text of one quoted .po string, with its escapes resolved."""
    inner = quoted.strip()[1:-1]
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match.group(1), match.group(1)), inner)


def parse_po(path: Path) -> list[Entry]:
    """A minimal .po reader: msgid, msgid_plural, msgstr / msgstr[n] and flags."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            current, target = None, None
            continue
        if line.startswith("#,"):
            current = current or _start(entries, number)
            current.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        if line.startswith("#"):
            current = current or _start(entries, number)
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            assert current is not None and target is not None, f"{path}:{number}: stray string"
            _append(current, target, _unquote(line))
            continue
        current = current or _start(entries, number)
        current.obsolete = current.obsolete or obsolete
        if keyword == "msgid" and current.msgid:  # a new entry without a blank line
            current = _start(entries, number)
        plural_form = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
        if keyword in ("msgid", "msgid_plural", "msgctxt"):
            target = (keyword, 0)
        elif keyword == "msgstr":
            target = ("msgstr", 0)
        elif plural_form:
            target = ("msgstr", int(plural_form.group(1)))
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
        if target == ("msgid_plural", 0):
            current.msgid_plural = ""
        if target[0] == "msgstr":
            current.msgstr.setdefault(target[1], "")
        _append(current, target, _unquote(rest))
    return entries


def _start(entries: list[Entry], line: int) -> Entry:
    entry = Entry(line=line)
    entries.append(entry)
    return entry


def _append(entry: Entry, target: tuple[str, int], text: str) -> None:
    name, index = target
    if name == "msgid":
        entry.msgid += text
    elif name == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    elif name == "msgstr":
        entry.msgstr[index] += text


def messages() -> list[Entry]:
    """The catalogue's live messages (not the header, not obsolete ones)."""
    return [entry for entry in parse_po(PO_FILE) if entry.msgid and not entry.obsolete]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_catalogue_declares_german_with_two_plural_forms() -> None:
    header = next(entry for entry in parse_po(PO_FILE) if entry.msgid == "")
    assert "Language: de\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]
    assert "charset=UTF-8" in header.msgstr[0]
    assert "fuzzy" not in header.flags


def test_every_message_is_translated_and_none_is_fuzzy() -> None:
    entries = messages()
    assert len(entries) > 500, "the catalogue looks truncated"
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert fuzzy == []
    untranslated = [
        entry.msgid
        for entry in entries
        if not entry.msgstr or any(not text.strip() for text in entry.msgstr.values())
    ]
    assert untranslated == []
    plural = [entry for entry in entries if entry.msgid_plural is not None]
    assert plural, "the search result count is a plural message"
    assert all(sorted(entry.msgstr) == [0, 1] for entry in plural)


def test_translations_keep_their_placeholders() -> None:
    broken = []
    for entry in messages():
        if "python-format" not in entry.flags:
            continue
        for index, text in entry.msgstr.items():
            source = entry.msgid if index == 0 or entry.msgid_plural is None else entry.msgid_plural
            if placeholders(text) != placeholders(source):
                broken.append((entry.line, entry.msgid, text))
    assert broken == []


def test_compiled_catalogue_matches_the_po_file() -> None:
    with MO_FILE.open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    stale = []
    for entry in messages():
        if entry.msgid_plural is None:
            if translations.gettext(entry.msgid) != entry.msgstr[0]:
                stale.append(entry.msgid)
        elif (
            translations.ngettext(entry.msgid, entry.msgid_plural, 1) != entry.msgstr[0]
            or translations.ngettext(entry.msgid, entry.msgid_plural, 2) != entry.msgstr[1]
        ):
            stale.append(entry.msgid)
    assert stale == [], "django.mo is older than django.po: run compilemessages"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_msgfmt_accepts_the_catalogue_without_gaps() -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "--output-file=/dev/null", str(PO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ translated messages\.\s*", result.stderr), result.stderr


def german_client(user: User | None = None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    if user is not None:
        client.force_login(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    return client


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_german(html: str, german: list[str], english: list[str]) -> None:
    assert '<html lang="de">' in html
    assert [text for text in german if text not in html] == []
    assert [text for text in english if text in html] == []


def test_login_page_speaks_german_from_the_browser_language(db: None) -> None:
    html = page(german_client(), "/accounts/login/")
    assert_german(
        html,
        german=["Anmelden", "Benutzername oder E-Mail-Adresse", "Passwort", "Kundenkonto anlegen"],
        english=["Log in", "Username or email address", "Password", "Create a customer account"],
    )


def test_login_page_speaks_english_when_asked(db: None) -> None:
    """The same page with an English browser: the German checks above can fail."""
    html = page(Client(HTTP_ACCEPT_LANGUAGE="en"), "/accounts/login/")
    assert "Log in" in html
    assert "Anmelden" not in html


def test_agent_queue_speaks_german(department: factories.Department, ticket: Ticket) -> None:
    html = page(german_client(department.l1), "/desk/")
    assert_german(
        html,
        german=["Warteschlangen", "Nicht zugewiesen", "Bitten um Unterstützung", "Betreff"],
        english=["Queues", "Unassigned", "Help requests", "Subject", "Assignee", "Log out"],
    )
    assert ticket.subject in html


def test_ticket_page_speaks_german(department: factories.Department, ticket: Ticket) -> None:
    html = page(german_client(department.l1), f"/desk/tickets/{ticket.number}/")
    assert_german(
        html,
        german=[
            "Eskalieren",
            "Um Unterstützung bitten",
            "Zeitleiste",
            "Antwort senden",
            "Interne Notiz",
            "Warten auf Kunde",
            "Zurückgestellt",
            "hat das Ticket über Web eröffnet",
            "Kundensupport",
        ],
        english=[
            "Escalate",
            "Ask for help",
            "Timeline",
            "Send reply",
            "Internal note",
            "Waiting for customer",
            "On hold",
            "opened the ticket via",
        ],
    )


def test_portal_new_request_page_speaks_german(department: factories.Department) -> None:
    html = page(german_client(department.customer_a), "/portal/new/")
    assert_german(
        html,
        german=[
            "Neue Anfrage",
            "Anfrage senden",
            "Worum geht es?",
            "Ihre Nachricht",
            "Beschwerde / Reklamation",
            "Kündigung",
        ],
        english=["New request", "Send request", "What is it about?", "Your message", "Complaint"],
    )
