"""Tickets, their messages and attachments, and the timeline of everything that happened.

Models say what the data is; every change goes through ``tierdesk.tickets.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# One working day: a larger figure in one entry is almost surely a typo.
MAX_MINUTES_PER_ENTRY = 24 * 60


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    API = "api", _("API")
    CHAT = "chat", _("Chat")
    SOCIAL = "social", _("Social media")


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    PENDING_CUSTOMER = "pending_customer", _("Waiting for customer")
    ON_HOLD = "on_hold", _("On hold")
    SOLVED = "solved", _("Solved")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.PENDING_CUSTOMER, Status.ON_HOLD)


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


PRIORITY_BY_NAME = {choice.name.lower(): choice for choice in Priority}


class TicketType(models.TextChoices):
    QUESTION = "question", _("Question / information")
    INCIDENT = "incident", _("Technical problem")
    PROBLEM = "problem", _("Problem record")
    COMPLAINT = "complaint", _("Complaint")
    RETURN = "return", _("Return / exchange")
    SALES_INQUIRY = "sales_inquiry", _("Sales inquiry")
    CANCELLATION = "cancellation", _("Cancellation")


class Tag(models.Model):
    name = models.SlugField(_("name"), max_length=50, unique=True, allow_unicode=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class NumberSequence(models.Model):
    """A counter for human-facing numbers, incremented under a row lock."""

    name = models.SlugField(unique=True)
    last_value = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.name}: {self.last_value}"


class Ticket(models.Model):
    number = models.PositiveBigIntegerField(_("number"), unique=True, editable=False)
    subject = models.CharField(_("subject"), max_length=250)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        on_delete=models.PROTECT,
        related_name="requested_tickets",
    )
    organisation = models.ForeignKey(
        "customers.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    team = models.ForeignKey(
        "teams.Team", verbose_name=_("team"), on_delete=models.PROTECT, related_name="tickets"
    )
    level = models.ForeignKey(
        "teams.Level", verbose_name=_("level"), on_delete=models.PROTECT, related_name="tickets"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    type = models.CharField(
        _("type"), max_length=20, choices=TicketType.choices, default=TicketType.QUESTION
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="de")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The soonest due time of the SLA targets still running, kept here so queues
    # can sort by "due soonest" on an index. Maintained by tierdesk.sla.services.
    sla_due_at = models.DateTimeField(_("SLA due"), null=True, blank=True)
    csat_score = models.PositiveSmallIntegerField(_("satisfaction (1–5)"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_tickets",
    )
    problem = models.ForeignKey(
        "self",
        verbose_name=_("problem record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="problem_tickets",
        limit_choices_to={"type": TicketType.PROBLEM},
    )
    # Optimistic lock: every change increments it; a save based on an older
    # version is refused so that no agent silently overwrites another.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["team", "status", "-priority", "created_at"]),
            models.Index(fields=["level", "status"]),
            # The router counts each agent's open tickets per channel from this index alone.
            models.Index(fields=["assignee", "status", "channel"]),
            models.Index(fields=["requester", "-created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["channel", "created_at"]),
            models.Index(fields=["type", "status"]),
            models.Index(fields=["team", "status", "sla_due_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.number} {self.subject}"

    @property
    def display_number(self) -> str:
        return f"#{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def priority_name(self) -> str:
        return Priority(self.priority).name.lower()


class Message(models.Model):
    """A public reply (seen by the customer) or an internal note (agents only)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="messages"
    )
    is_public = models.BooleanField(_("public"), default=True)
    from_customer = models.BooleanField(default=False)
    body_html = models.TextField(_("message"))
    body_text = models.TextField(blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    created_at = models.DateTimeField(default=timezone.now)
    call_duration_seconds = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["ticket", "created_at"])]

    def __str__(self) -> str:
        kind = "reply" if self.is_public else "note"
        return f"{kind} on #{self.ticket.number}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{timezone.now():%Y/%m}/{instance.message.ticket.number}/{filename}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120, default="application/octet-stream")
    size_bytes = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    ROUTED = "routed", _("Routed")
    STATUS = "status", _("Status changed")
    ASSIGNEE = "assignee", _("Assignee changed")
    TEAM = "team", _("Team changed")
    LEVEL = "level", _("Level changed")
    PRIORITY = "priority", _("Priority changed")
    TYPE = "type", _("Type changed")
    TAGS = "tags", _("Tags changed")
    ESCALATED = "escalated", _("Escalated")
    DE_ESCALATED = "de_escalated", _("Handed back down")
    REPLY = "reply", _("Public reply")
    NOTE = "note", _("Internal note")
    CUSTOMER_MESSAGE = "customer_message", _("Customer wrote")
    MERGED = "merged", _("Merged")
    LINKED = "linked", _("Linked")
    HELP_REQUESTED = "help_requested", _("Help requested")
    HELP_ANSWERED = "help_answered", _("Help given")
    PROBLEM_LINKED = "problem_linked", _("Linked to problem")
    PROBLEM_SOLVED = "problem_solved", _("Problem solved")
    CSAT = "csat", _("Satisfaction rated")
    SLA_WARNING = "sla_warning", _("SLA warning")
    SLA_BREACHED = "sla_breached", _("SLA breached")


class TimeEntry(models.Model):
    """Minutes an agent spent on a ticket, usually entered with a reply, note or call.

    Team, level and channel are copied from the ticket when the work is done, so
    handling time stays with the team × level × channel where it happened even
    after the ticket is escalated or moved.
    """

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="time_entries")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="time_entries"
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey("teams.Team", on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey("teams.Level", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    minutes = models.PositiveIntegerField(
        _("minutes spent"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES_PER_ENTRY)],
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["team", "level", "channel", "created_at"], name="time_entry_handling_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gte=1) & models.Q(minutes__lte=MAX_MINUTES_PER_ENTRY),
                name="time_entry_minutes_in_range",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.ticket_id}: {self.minutes} min"


class TimelineEvent(models.Model):
    """One change of a ticket, written by the same service call that made it."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["ticket", "created_at"]),
            models.Index(fields=["kind", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on #{self.ticket_id}"


class Escalation(models.Model):
    """A move between levels, with the reason and the hand-over summary it needs."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="escalations")
    from_level = models.ForeignKey("teams.Level", on_delete=models.PROTECT, related_name="+")
    to_level = models.ForeignKey("teams.Level", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    summary = models.TextField(_("hand-over summary"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"#{self.ticket_id}: {self.from_level_id} → {self.to_level_id}"


class HelpRequest(models.Model):
    """Asking a colleague or the lead for support without handing the ticket over."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="help_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_requests_sent"
    )
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_requests_received"
    )
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["helper", "answered_at"])]

    def __str__(self) -> str:
        return f"help on #{self.ticket_id} from {self.helper_id}"


class TicketLink(models.Model):
    """Two related tickets (not duplicates: those are merged)."""

    source = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="links_in")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="unique_ticket_link"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="ticket_link_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.source_id} ↔ #{self.target_id}"
