"""Sanitising rich text, and turning plain text into safe HTML and back.

nh3 (the Ammonia sanitiser) is used rather than a hand-written filter: it parses
HTML the way a browser does, which a regex cannot.
"""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4",
    "hr", "i", "img", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "cid", "tel"}


def sanitize_html(raw_html: str) -> str:
    """Return HTML without scripts, event handlers, styles or dangerous URLs."""
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|tr|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)


def text_to_html(text: str) -> str:
    """Plain text as HTML paragraphs, escaped."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    return "".join("<p>" + html.escape(part).replace("\n", "<br>") + "</p>" for part in paragraphs)


def html_to_text(markup: str) -> str:
    """A readable plain-text version of (sanitised) HTML."""
    with_breaks = _BLOCK_END.sub("\n", markup)
    text = html.unescape(_TAG.sub("", with_breaks))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|br|b|i|strong|em|ul|ol|a|span|table)\b", text, re.I))


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Text that every database stores: no NUL or other control characters, valid Unicode.

    PostgreSQL refuses NUL in text, and lone surrogates (from broken mail or
    JSON) cannot be encoded; both would otherwise surface as server errors.
    """
    value = _CONTROL_CHARACTERS.sub("", value)
    return value.encode("utf-8", "replace").decode("utf-8")


def body_to_safe_html(body: str) -> str:
    """Accept either HTML or plain text from a user and return safe HTML."""
    body = clean_text(body)
    return sanitize_html(body) if looks_like_html(body) else text_to_html(body)
