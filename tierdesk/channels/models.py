"""Channels: mailboxes, every raw mail received and sent, webhooks, call records."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Mailbox(models.Model):
    """Addresses customers write to, the team their mail goes to, and how to fetch it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    addresses = models.TextField(
        _("addresses"), help_text=_("One address per line; mail to any of them arrives here.")
    )
    team = models.ForeignKey(
        "teams.Team", verbose_name=_("team"), on_delete=models.PROTECT, related_name="mailboxes"
    )
    is_active = models.BooleanField(_("active"), default=True)
    imap_host = models.CharField(_("IMAP host"), max_length=200, blank=True)
    imap_port = models.PositiveIntegerField(_("IMAP port"), default=993)
    imap_use_ssl = models.BooleanField(_("IMAP over TLS"), default=True)
    imap_username = models.CharField(_("IMAP user"), max_length=200, blank=True)
    imap_password = models.CharField(_("IMAP password"), max_length=200, blank=True)
    imap_folder = models.CharField(_("IMAP folder"), max_length=200, default="INBOX")
    imap_last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True)
    imap_last_error = models.TextField(_("last polling error"), blank=True)

    class Meta:
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def address_list(self) -> list[str]:
        return [line.strip().lower() for line in self.addresses.splitlines() if line.strip()]

    @property
    def primary_address(self) -> str:
        addresses = self.address_list()
        return addresses[0] if addresses else settings.DEFAULT_FROM_EMAIL


class InboundState(models.TextChoices):
    RECEIVED = "received", _("Received, not yet processed")
    PROCESSED = "processed", _("Processed")
    IGNORED = "ignored", _("Kept, no ticket")
    FAILED = "failed", _("Failed")


class InboundSource(models.TextChoices):
    SMTP = "smtp", _("SMTP")
    LMTP = "lmtp", _("LMTP")
    IMAP = "imap", _("IMAP")
    OTHER = "other", _("Other")


class InboundMail(models.Model):
    """A raw message exactly as received, stored before anything else happens to it."""

    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    raw = models.BinaryField(_("raw message"))
    size_bytes = models.PositiveIntegerField(_("size (bytes)"), default=0)
    source = models.CharField(_("source"), max_length=10, choices=InboundSource.choices)
    envelope_from = models.CharField(_("envelope sender"), max_length=320, blank=True)
    envelope_to = models.JSONField(_("envelope recipients"), default=list, blank=True)
    mailbox = models.ForeignKey(
        Mailbox, verbose_name=_("mailbox"), null=True, blank=True, on_delete=models.SET_NULL
    )
    state = models.CharField(
        _("state"), max_length=10, choices=InboundState.choices, default=InboundState.RECEIVED
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    from_email = models.CharField(_("from"), max_length=320, blank=True)
    subject = models.CharField(_("subject"), max_length=250, blank=True)
    ticket = models.ForeignKey(
        "tickets.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbound_mails",
    )
    ticket_message = models.ForeignKey(
        "tickets.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=300, blank=True)
    auto_generated = models.BooleanField(_("machine-made"), default=False)
    dropped_attachments = models.JSONField(_("attachments kept out"), default=list, blank=True)

    class Meta:
        verbose_name = _("received mail")
        verbose_name_plural = _("received mail")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["state", "received_at"]),
            models.Index(fields=["ticket", "received_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} ({self.state})"


class OutboundKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", _("Receipt acknowledgement")
    REPLY = "reply", _("Agent reply")
    SOLVED = "solved", _("Request solved")


class OutboundState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    RETRYING = "retrying", _("Failed, will retry")
    FAILED = "failed", _("Failed")
    SUPPRESSED = "suppressed", _("Not sent")
    BOUNCED = "bounced", _("Bounced")


class OutboundMail(models.Model):
    """A mail tierdesk sends to a customer, with its Message-ID for threading."""

    ticket = models.ForeignKey(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="outbound_mails"
    )
    ticket_message = models.ForeignKey(
        "tickets.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OutboundKind.choices)
    dedup_key = models.CharField(max_length=120, unique=True)
    to_email = models.CharField(_("to"), max_length=320)
    from_email = models.CharField(_("from"), max_length=320)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, unique=True)
    in_reply_to = models.CharField(max_length=255, blank=True)
    references = models.TextField(blank=True)
    language = models.CharField(max_length=8, default="de")
    is_automatic = models.BooleanField(_("automatic"), default=False)
    state = models.CharField(
        _("state"), max_length=12, choices=OutboundState.choices, default=OutboundState.QUEUED
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent mail")
        verbose_name_plural = _("sent mail")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["ticket", "created_at"]),
            models.Index(fields=["to_email", "is_automatic", "created_at"]),
            models.Index(fields=["state", "next_attempt_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to_email} ({self.state})"


class WebhookEvent(models.TextChoices):
    TICKET_CREATED = "ticket.created", "ticket.created"
    TICKET_UPDATED = "ticket.updated", "ticket.updated"
    TICKET_ESCALATED = "ticket.escalated", "ticket.escalated"
    SLA_BREACHED = "sla.breached", "sla.breached"


class WebhookSubscription(models.Model):
    """An outside system that wants to hear about ticket events, signed with its secret."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=200)
    events = models.JSONField(_("events"), default=list)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} → {self.url}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Pending")
    RETRYING = "retrying", _("Failed, will retry")
    SUCCEEDED = "succeeded", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one subscription: the delivery log."""

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(_("event"), max_length=40)
    ticket = models.ForeignKey(
        "tickets.Ticket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    payload = models.JSONField(_("payload"))
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    response_body = models.TextField(_("response (start)"), blank=True)
    error = models.TextField(_("error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["subscription", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription_id} ({self.state})"


class CallOutcome(models.TextChoices):
    ANSWERED = "answered", _("Answered")
    ABANDONED = "abandoned", _("Abandoned")


class CallRecord(models.Model):
    """One call from the phone system's export, for the planning history."""

    started_at = models.DateTimeField(_("started"))
    queue = models.CharField(_("queue"), max_length=100)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=CallOutcome.choices)
    import_key = models.CharField(max_length=64, unique=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("call record")
        verbose_name_plural = _("call records")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["queue", "started_at"])]

    def __str__(self) -> str:
        return f"{self.queue} {self.started_at:%Y-%m-%d %H:%M} {self.outcome}"


class ContactSubmission(models.Model):
    """A use of the public contact form, kept for its rate limit."""

    ip_address = models.GenericIPAddressField(null=True, blank=True)
    email = models.CharField(max_length=320, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    ticket = models.ForeignKey(
        "tickets.Ticket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_reason = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["email", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.email} at {self.created_at:%Y-%m-%d %H:%M}"
