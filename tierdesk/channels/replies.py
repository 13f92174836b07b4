"""Splitting the new text of a reply from the quoted history and the signature. Pure.

``mail-parser-reply`` knows the quote headers and greetings of many mail
clients in German and English ("Am … schrieb …", "-----Original Message-----",
"Mit freundlichen Grüßen").
"""

from __future__ import annotations

from dataclasses import dataclass

from mailparser_reply import EmailReplyParser

LANGUAGES = ["de", "en"]


@dataclass(frozen=True)
class SplitReply:
    new_text: str
    signature: str
    quoted: str

    @property
    def was_split(self) -> bool:
        return bool(self.signature or self.quoted)


def split_reply(text: str) -> SplitReply:
    """The newest part of ``text``, its signature, and everything quoted below it."""
    if not text.strip():
        return SplitReply("", "", "")
    try:
        replies = EmailReplyParser(languages=LANGUAGES).read(text).replies
    except Exception:  # the library parses free text with regexes; never lose the mail
        return SplitReply(text.strip(), "", "")
    if not replies:
        return SplitReply(text.strip(), "", "")
    first = replies[0]
    quoted = "\n\n".join(
        "\n".join(part for part in (reply.headers, reply.body, reply.signatures) if part)
        for reply in replies[1:]
    ).strip()
    new_text = (first.body or "").strip()
    if not new_text:
        # Nothing recognisable as new text (e.g. a top-quoted forward): keep it all.
        return SplitReply(text.strip(), "", "")
    return SplitReply(new_text, (first.signatures or "").strip(), quoted)
