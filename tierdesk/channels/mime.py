"""Reading raw email into a plain, typed structure. Pure: no Django.

Python's ``email`` package (``policy.default``) splits the MIME tree; text is
decoded here rather than by the package, because real mail lies about its
charset: GB2312 labels on GBK text, ISO-8859-1 labels on cp1252 text, 8-bit
bytes with no label at all. Every decoding ends in *some* text; nothing raises
for bad bytes.

TNEF (``winmail.dat``) is not unpacked: no well-kept Python library handles it,
so it arrives as an ordinary attachment.
"""

from __future__ import annotations

import binascii
import email
import email.header
import email.utils
import hashlib
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import EmailMessage, Message

# Labels that mean a superset in practice (what browsers and mail clients do).
CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "sjis": "cp932",
    "unicode-1-1-utf-7": "utf-7",
    "x-unknown": "",
    "unknown-8bit": "",
    "x-user-defined": "",
}
# Tried in this order when a label is missing, unknown or wrong.
FALLBACK_CHARSETS = ("utf-8", "gb18030", "cp1252")
MULTI_BYTE_CHARSETS = frozenset(
    {"utf-8", "gb18030", "big5", "cp932", "euc_jp", "euc-jp", "iso-2022-jp", "cp949", "utf-16"}
)
# When text does not decode in its declared charset, the same family comes next
# (Japanese mail labelled ISO-2022-JP often carries Shift-JIS bytes).
CHARSET_FAMILIES = {
    "iso-2022-jp": ("cp932", "euc_jp"),
    "euc-jp": ("cp932",),
    "cp932": ("euc_jp",),
    "gb18030": ("big5",),
    "big5": ("gb18030",),
}

_SURROGATE = re.compile("[\udc80-\udcff]")
_UUENCODE_BLOCK = re.compile(
    r"^begin [0-7]{3,4} (?P<name>[^\r\n]+)\r?\n(?P<body>.*?)^end\s*$",
    re.MULTILINE | re.DOTALL,
)
TICKET_NUMBER_IN_SUBJECT = re.compile(r"\[#(\d{1,18})\]")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True)
class MailAttachment:
    filename: str
    content_type: str
    data: bytes
    content_id: str = ""
    inline: bool = False

    @property
    def size_bytes(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class DroppedAttachment:
    filename: str
    size_bytes: int
    reason: str


@dataclass(frozen=True)
class ParsedMail:
    """What tierdesk needs of one message. ``body_html`` is not yet sanitised."""

    message_id: str
    has_own_message_id: bool
    from_email: str
    from_name: str
    reply_to: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    date: datetime | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    content_type: str
    body_text: str
    body_html: str
    attachments: tuple[MailAttachment, ...]
    headers: tuple[tuple[str, str], ...]
    report_type: str = ""
    # Message-IDs of the message a bounce reports on (from its rfc822 part).
    bounced_message_ids: tuple[str, ...] = ()
    bounce_recipients: tuple[str, ...] = ()
    defects: tuple[str, ...] = field(default=())

    def header(self, name: str) -> str:
        lowered = name.lower()
        return next((value for key, value in self.headers if key.lower() == lowered), "")

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this mail answers, nearest first."""
        seen: dict[str, None] = {}
        for message_id in (*self.in_reply_to, *reversed(self.references)):
            seen.setdefault(message_id, None)
        return tuple(seen)

    @property
    def ticket_number_in_subject(self) -> int | None:
        match = TICKET_NUMBER_IN_SUBJECT.search(self.subject)
        return int(match.group(1)) if match else None


# --- decoding ------------------------------------------------------------------


def decode_bytes(data: bytes, charset: str | None, hints: tuple[str, ...] = ()) -> str:
    """Text from bytes in a declared (possibly wrong or missing) charset. Never raises.

    ``hints`` are other charsets the message declares, tried before the generic
    fallbacks (for raw 8-bit header bytes, which carry no label of their own).
    """
    label = (charset or "").strip().strip('"').lower()
    label = CHARSET_ALIASES.get(label, label)
    candidates = [label] if label else []
    if label == "cp1252" or not label:
        # An ISO-8859-1 label on UTF-8 text is common; UTF-8 is strict enough to try first.
        candidates.insert(0, "utf-8")
    candidates += CHARSET_FAMILIES.get(label, ())
    # Multi-byte charsets fail loudly on the wrong bytes, single-byte ones never:
    # so the message's multi-byte hints go first and its single-byte ones last.
    normal_hints = [CHARSET_ALIASES.get(name.lower(), name.lower()) for name in hints]
    for name in normal_hints:
        if name in MULTI_BYTE_CHARSETS:
            candidates += [name, *CHARSET_FAMILIES.get(name, ())]
    candidates += [name for name in normal_hints if name and name not in MULTI_BYTE_CHARSETS]
    candidates += [name for name in FALLBACK_CHARSETS if name not in candidates]
    if (
        label
        and label not in MULTI_BYTE_CHARSETS
        and not any(name in MULTI_BYTE_CHARSETS for name in normal_hints)
    ):
        # A Latin message whose text is not UTF-8: cp1252 before guessing Chinese.
        candidates.remove("gb18030")
        candidates.append("gb18030")
    for name in candidates:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def decode_header_value(raw: str, hints: tuple[str, ...] = ()) -> str:
    """An RFC 2047 header (possibly with raw 8-bit bytes) as text, unfolded."""
    raw = _repair_surrogates(raw, hints)
    unfolded = re.sub(r"\r?\n(?=[ \t])", "", raw)
    try:
        parts = email.header.decode_header(unfolded)
    except (ValueError, binascii.Error, IndexError):
        return unfolded.strip()
    pieces: list[str] = []
    for value, charset in parts:
        if isinstance(value, bytes):
            pieces.append(decode_bytes(value, charset, hints))
        else:
            pieces.append(value)
    return "".join(pieces).strip()


def _repair_surrogates(text: str, hints: tuple[str, ...] = ()) -> str:
    """Raw 8-bit header bytes arrive as surrogate escapes; decode them properly."""
    if not _SURROGATE.search(text):
        return text
    return decode_bytes(text.encode("utf-8", "surrogateescape"), None, hints)


def _raw_header(message: Message, name: str) -> str:
    lowered = name.lower()
    for key, value in message.raw_items():
        if key.lower() == lowered:
            return str(value)
    return ""


def _raw_headers(message: Message, name: str) -> list[str]:
    lowered = name.lower()
    return [str(value) for key, value in message.raw_items() if key.lower() == lowered]


def parse_address(raw: str, hints: tuple[str, ...] = ()) -> tuple[str, str]:
    """``(display name, address)`` of the first address in a header; lenient.

    Encoded words are decoded in the display name only: RFC 2047 forbids them in
    the address itself, and decoding them there would let a sender pass for
    someone else.
    """
    raw = _repair_surrogates(re.sub(r"\r?\n(?=[ \t])", "", raw), hints).strip()
    if not raw:
        return "", ""
    pairs = email.utils.getaddresses([raw])
    name, address = pairs[0] if pairs else ("", "")
    if not address or "@" not in address:
        angle = re.search(r"<([^<>]*@[^<>]*)>", raw)
        bare = re.search(r"[^\s<>\"(),;:]+@[^\s<>\"(),;:]+", raw)
        if angle is not None:
            address = angle.group(1)
        elif bare is not None:
            address = bare.group(0)
        name = raw.split("<", 1)[0].strip().strip('"') if angle else name
    return decode_header_value(name, hints).strip().strip('"'), address.strip()


def parse_address_list(raw_values: list[str]) -> tuple[str, ...]:
    joined = [_repair_surrogates(value) for value in raw_values]
    return tuple(address for _name, address in email.utils.getaddresses(joined) if address)


def message_ids(raw: str) -> tuple[str, ...]:
    return tuple(_MESSAGE_ID.findall(raw or ""))


# --- the MIME tree -----------------------------------------------------------------


def _is_attachment(part: Message) -> bool:
    disposition = (part.get_content_disposition() or "").lower()
    return disposition == "attachment" or bool(_part_filename(part))


def _part_filename(part: Message) -> str:
    try:
        name = part.get_filename()
    except (TypeError, ValueError, IndexError):
        name = None
    if not name:
        name = part.get_param("name", header="content-type")  # type: ignore[assignment]
        if isinstance(name, tuple):  # RFC 2231 value without the package's help
            name = email.utils.collapse_rfc2231_value(name)
    return decode_header_value(str(name)) if name else ""


def _payload_bytes(part: Message) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, binascii.Error, AssertionError):
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _part_text(part: Message) -> str:
    return decode_bytes(_payload_bytes(part), part.get_content_charset())


def _extension_for(content_type: str) -> str:
    if content_type == "message/rfc822":
        return ".eml"
    if content_type.startswith("text/"):
        return ".txt"
    return mimetypes.guess_extension(content_type) or ""


def _attachment_name(part: Message, content_type: str) -> str:
    name = _part_filename(part)
    if name:
        return name.replace("/", "_").replace("\\", "_")
    description = decode_header_value(str(part.get("Content-Description", "") or ""))
    if description:
        return description + ("" if "." in description[-6:] else _extension_for(content_type))
    if content_type == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            subject = decode_header_value(_raw_header(inner[0], "Subject"))
            if subject:
                return subject + ".eml"
    if content_type == "message/delivery-status":
        return "delivery-status.txt"
    return "file"


def _attachment_of(part: Message, content_type: str) -> MailAttachment:
    if content_type == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            data = inner[0].as_bytes(policy=policy.compat32.clone(linesep="\r\n"))
        else:
            data = _payload_bytes(part)
    elif content_type.startswith("message/") or content_type == "text/rfc822-headers":
        data = _payload_bytes(part) or str(part.get_payload()).encode("utf-8", "surrogateescape")
    else:
        data = _payload_bytes(part)
    content_id = str(part.get("Content-ID", "") or "").strip().strip("<>")
    return MailAttachment(
        filename=_attachment_name(part, content_type),
        content_type=content_type,
        data=data,
        content_id=content_id,
        inline=(part.get_content_disposition() or "") == "inline" or bool(content_id),
    )


@dataclass
class _Collector:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[MailAttachment] = field(default_factory=list)
    bounced_ids: list[str] = field(default_factory=list)
    bounce_recipients: list[str] = field(default_factory=list)


def _walk(part: Message, collected: _Collector, *, in_alternative: bool = False) -> None:
    content_type = part.get_content_type()
    if part.is_multipart() and content_type != "message/rfc822":
        payload = part.get_payload()
        children = (
            [child for child in payload if isinstance(child, Message)]
            if isinstance(payload, list)
            else []
        )
        if content_type == "multipart/alternative":
            _walk_alternative(children, collected)
            return
        for child in children:
            _walk(child, collected)
        return
    if content_type == "message/delivery-status":
        collected.bounce_recipients += re.findall(
            r"(?im)^final-recipient:\s*rfc822;\s*(\S+)", _delivery_status_text(part)
        )
        collected.attachments.append(
            MailAttachment(
                filename=_attachment_name(part, content_type),
                content_type=content_type,
                data=_delivery_status_text(part).encode("utf-8", "surrogateescape"),
            )
        )
        return
    if content_type == "message/rfc822":
        _note_bounced(part, collected)
        collected.attachments.append(_attachment_of(part, content_type))
        return
    if content_type == "text/rfc822-headers":
        collected.bounced_ids += message_ids(_raw_text_header(part, "Message-ID"))
    if content_type in ("text/plain", "text/html") and not _is_attachment(part):
        target = collected.html if content_type == "text/html" else collected.plain
        target.append(_part_text(part))
        return
    if content_type == "text/plain" and part.get("Content-Transfer-Encoding", "").lower() in {
        "x-uuencode",
        "uuencode",
        "x-uue",
        "uue",
    }:
        collected.attachments.append(_attachment_of(part, "application/octet-stream"))
        return
    collected.attachments.append(_attachment_of(part, content_type))


def _walk_alternative(children: list[Message], collected: _Collector) -> None:
    """Keep the richest alternative that is HTML or text; also the plain one for text."""
    sub = _Collector()
    for child in children:
        _walk(child, sub)
    if sub.html:
        collected.html += sub.html
    if sub.plain:
        collected.plain += sub.plain[:1] if sub.html else sub.plain
    collected.attachments += sub.attachments
    collected.bounced_ids += sub.bounced_ids
    collected.bounce_recipients += sub.bounce_recipients


def _delivery_status_text(part: Message) -> str:
    """The package parses a delivery status into header blocks; join them back."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return "\n".join(
            "".join(f"{key}: {value}\n" for key, value in block.raw_items())
            for block in payload
            if isinstance(block, Message)
        )
    return _part_text(part)


def _raw_text_header(part: Message, name: str) -> str:
    text = _part_text(part)
    match = re.search(rf"(?im)^{name}:\s*(.+)$", text)
    return match.group(1) if match else ""


def _note_bounced(part: Message, collected: _Collector) -> None:
    inner = part.get_payload()
    if isinstance(inner, list) and inner and isinstance(inner[0], Message):
        collected.bounced_ids += message_ids(_raw_header(inner[0], "Message-ID"))


def _extract_uuencoded(text: str) -> tuple[str, list[MailAttachment]]:
    """Old clients put ``begin 644 name`` blocks into the text itself."""
    found: list[MailAttachment] = []

    def take(match: re.Match[str]) -> str:
        lines = match.group("body").splitlines()
        data = bytearray()
        try:
            for line in lines:
                if line.strip() in ("", "`"):
                    continue
                data += binascii.a2b_uu(line)
        except binascii.Error:
            return match.group(0)
        name = match.group("name").strip()
        found.append(
            MailAttachment(
                filename=name,
                content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
                data=bytes(data),
            )
        )
        return ""

    return _UUENCODE_BLOCK.sub(take, text), found


def _html_to_text(markup: str) -> str:
    import html as html_module

    without_head = re.sub(r"(?is)<(head|style|script)\b.*?</\1>", "", markup)
    with_breaks = re.sub(
        r"(?i)</(p|div|li|h[1-6]|tr|blockquote|pre)>|<br\s*/?>", "\n", without_head
    )
    text = html_module.unescape(re.sub(r"<[^>]+>", "", with_breaks))
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text.replace("\xa0", " "))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
_ENCODED_WORD_CHARSET = re.compile(r"=\?([^?*\s]+)(?:\*[^?]*)?\?[bBqQ]\?")


def _without_leading_garbage(raw: bytes) -> bytes:
    """Drop lines before the headers (``---- Original email message ----``)."""
    lines = raw.split(b"\n", 5)
    for index, line in enumerate(lines[:5]):
        if _HEADER_LINE.match(line) or line.startswith(b"From "):
            return b"\n".join(lines[index:]) if index else raw
    return raw


def _with_repaired_folding(raw: bytes) -> bytes:
    """Header lines with no name and no indent continue the previous header.

    Some gateways unfold badly; the ``email`` package would end the headers at
    the first such line and take Subject, From … for body text.
    """
    end = re.search(rb"\r?\n\r?\n", raw)
    if end is None:
        return raw
    head, rest = raw[: end.start()], raw[end.start() :]
    lines = head.split(b"\n")
    repaired = [lines[0]]
    for line in lines[1:]:
        if line[:1] in (b" ", b"\t") or _HEADER_LINE.match(line):
            repaired.append(line)
        else:
            repaired.append(b" " + line)
    return b"\n".join(repaired) + rest


def _charset_hints(message: Message) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for part in message.walk():
        charset = part.get_content_charset()
        if charset:
            found.setdefault(charset.lower(), None)
    for _key, value in message.raw_items():
        for charset in _ENCODED_WORD_CHARSET.findall(str(value)):
            found.setdefault(charset.lower(), None)
    return tuple(found)


def _sender(message: Message, hints: tuple[str, ...]) -> tuple[str, str]:
    """From (the first usable one), else Sender, Reply-To or Return-Path."""
    fallback_name = ""
    for header in ("From", "Sender", "Reply-To", "Return-Path"):
        for raw_value in _raw_headers(message, header):
            name, address = parse_address(raw_value, hints)
            fallback_name = fallback_name or name
            if address and "@" in address:
                return name or (fallback_name if header != "From" else ""), address
    return fallback_name, ""


def parse_mail(raw: bytes) -> ParsedMail:
    """Parse one raw RFC 5322 message. Raises nothing for malformed content."""
    message = email.message_from_bytes(
        _with_repaired_folding(_without_leading_garbage(raw)),
        _class=EmailMessage,
        policy=policy.default,
    )
    hints = _charset_hints(message)
    collected = _Collector()
    _walk(message, collected)
    plain = "\n\n".join(text.strip("\r\n") for text in collected.plain if text.strip())
    plain, uu_files = _extract_uuencoded(plain)
    html = "\n".join(text for text in collected.html if text.strip())
    from_name, from_email = _sender(message, hints)
    own_ids = message_ids(_raw_header(message, "Message-ID"))
    message_id = own_ids[0] if own_ids else fallback_message_id(raw)
    date = None
    try:
        date = email.utils.parsedate_to_datetime(_raw_header(message, "Date").strip())
    except (TypeError, ValueError, IndexError):
        date = None
    return ParsedMail(
        message_id=message_id[:250],
        has_own_message_id=bool(own_ids),
        from_email=from_email,
        from_name=from_name,
        reply_to=parse_address(_raw_header(message, "Reply-To"))[1],
        to=parse_address_list(_raw_headers(message, "To")),
        cc=parse_address_list(_raw_headers(message, "Cc")),
        subject=decode_header_value(_raw_header(message, "Subject"), hints),
        date=date,
        in_reply_to=message_ids(_raw_header(message, "In-Reply-To")),
        references=message_ids(" ".join(_raw_headers(message, "References"))),
        content_type="text/html" if html else "text/plain",
        body_text=plain.strip() or _html_to_text(html),
        body_html=html,
        attachments=tuple(collected.attachments + uu_files),
        headers=tuple(
            (key, decode_header_value(str(value), hints)) for key, value in message.raw_items()
        ),
        report_type=(
            str(message.get_param("report-type", "", header="content-type") or "").lower()
            if message.get_content_type() == "multipart/report"
            else ""
        ),
        bounced_message_ids=tuple(dict.fromkeys(collected.bounced_ids)),
        bounce_recipients=tuple(collected.bounce_recipients),
        defects=tuple(type(defect).__name__ for defect in _all_defects(message)),
    )


def _all_defects(message: Message) -> Iterator[object]:
    for part in message.walk():
        yield from getattr(part, "defects", ())


def fallback_message_id(raw: bytes) -> str:
    """A stable Message-ID for a message that has none: the same bytes, the same id."""
    return f"<{hashlib.sha256(raw).hexdigest()}@no-message-id.tierdesk.invalid>"


def envelope_message_id(raw: bytes) -> str:
    """The Message-ID as stored before parsing (cheap: headers only)."""
    header_end = re.search(rb"\r?\n\r?\n", raw)
    head = raw[: header_end.start()] if header_end else raw
    match = re.search(rb"(?im)^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)", head)
    if match:
        return match.group(1).decode("ascii", "replace")[:250]
    return fallback_message_id(raw)


# --- attachment limits -----------------------------------------------------------------


def split_attachments(
    attachments: tuple[MailAttachment, ...],
    *,
    max_bytes: int,
    blocked_extensions: frozenset[str],
) -> tuple[tuple[MailAttachment, ...], tuple[DroppedAttachment, ...]]:
    """Attachments to keep, and those kept out with the reason (size or type)."""
    kept: list[MailAttachment] = []
    dropped: list[DroppedAttachment] = []
    for attachment in attachments:
        extension = (
            attachment.filename.rsplit(".", 1)[-1].lower() if "." in attachment.filename else ""
        )
        if attachment.size_bytes > max_bytes:
            reason = (
                f"{attachment.size_bytes / 2**20:.1f} MB is over the limit of "
                f"{max_bytes / 2**20:.1f} MB"
            )
            dropped.append(DroppedAttachment(attachment.filename, attachment.size_bytes, reason))
        elif extension in blocked_extensions:
            reason = f"files of type .{extension} are not accepted"
            dropped.append(DroppedAttachment(attachment.filename, attachment.size_bytes, reason))
        else:
            kept.append(attachment)
    return tuple(kept), tuple(dropped)
