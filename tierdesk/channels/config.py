"""Channel limits, overridable in settings (and so by environment, once the lead wires them)."""

from __future__ import annotations

from django.conf import settings

DEFAULT_BLOCKED_EXTENSIONS = frozenset(
    [
        "exe",
        "bat",
        "cmd",
        "com",
        "pif",
        "scr",
        "vbs",
        "vbe",
        "js",
        "jse",
        "wsf",
        "wsh",
        "msi",
        "msp",
        "ps1",
        "jar",
        "lnk",
        "reg",
        "hta",
        "cpl",
        "scf",
    ]
)


def blocked_extensions() -> frozenset[str]:
    return frozenset(
        getattr(settings, "TIERDESK_MAIL_BLOCKED_EXTENSIONS", DEFAULT_BLOCKED_EXTENSIONS)
    )


def max_attachment_bytes() -> int:
    return int(settings.TIERDESK_MAX_ATTACHMENT_BYTES)


def max_message_bytes() -> int:
    """The largest message the SMTP listener accepts (bytes)."""
    return int(getattr(settings, "TIERDESK_MAX_MAIL_BYTES", 50 * 2**20))


def autoreply_max_per_hour() -> int:
    """Automatic replies (acknowledgements) to one address per hour, at most."""
    return int(getattr(settings, "TIERDESK_AUTOREPLY_MAX_PER_HOUR", 5))


def mail_max_attempts() -> int:
    return int(getattr(settings, "TIERDESK_MAIL_MAX_ATTEMPTS", 6))


def webhook_max_attempts() -> int:
    return int(getattr(settings, "TIERDESK_WEBHOOK_MAX_ATTEMPTS", 8))


def webhook_timeout_seconds() -> float:
    return float(getattr(settings, "TIERDESK_WEBHOOK_TIMEOUT", 10))


def contact_max_per_hour() -> int:
    """Contact-form requests from one IP address (or one email address) per hour."""
    return int(getattr(settings, "TIERDESK_CONTACT_MAX_PER_HOUR", 5))


def mail_domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "tierdesk.localhost"
