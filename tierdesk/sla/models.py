"""Service levels: calendars of business hours, policies, and the clocks on each ticket.

Models say what the data is; ``tierdesk.sla.services`` computes and changes it.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Statuses that pause the resolution clock unless a policy says otherwise.
DEFAULT_PAUSE_STATUSES = ["pending_customer", "on_hold"]


def default_pause_statuses() -> list[str]:
    return list(DEFAULT_PAUSE_STATUSES)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Calendar(models.Model):
    """Business hours in a time zone, with the public holidays of a country or state."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Berlin")
    country = models.CharField(
        _("holiday country"),
        max_length=2,
        blank=True,
        default="DE",
        help_text=_("ISO code whose public holidays close the desk, e.g. DE. Empty: none."),
    )
    subdivision = models.CharField(
        _("state / subdivision"),
        max_length=10,
        blank=True,
        help_text=_("E.g. BY for Bavaria; empty for the nationwide holidays only."),
    )
    always_open = models.BooleanField(
        _("open around the clock (24/7)"),
        default=False,
        help_text=_("Every minute counts; opening hours and holidays are ignored."),
    )
    is_default = models.BooleanField(
        _("default calendar"),
        default=False,
        help_text=_("Used for teams without a calendar of their own."),
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("business-hours calendar")
        verbose_name_plural = _("business-hours calendars")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OpeningInterval(models.Model):
    """Open on a weekday from start to end; an end at or before the start is the next day."""

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="intervals")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start = models.TimeField(_("opens"))
    end = models.TimeField(
        _("closes"), help_text=_("At or before the opening time: closes the next day.")
    )

    class Meta:
        verbose_name = _("opening interval")
        verbose_name_plural = _("opening intervals")
        ordering = ["calendar", "weekday", "start"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"


class ExceptionKind(models.TextChoices):
    CLOSED = "closed", _("Closed all day")
    SPECIAL = "special", _("Special opening hours")


class CalendarException(models.Model):
    """A date that differs from the week: an extra closure or special opening hours.

    Special opening hours on a public holiday open the desk that day. Several
    rows on one date give several intervals.
    """

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=ExceptionKind.choices)
    start = models.TimeField(_("opens"), null=True, blank=True)
    end = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")
        ordering = ["calendar", "date", "start"]
        indexes = [models.Index(fields=["calendar", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"


class TeamCalendar(models.Model):
    """Which calendar a team's clocks run on (teams without one use the default)."""

    team = models.OneToOneField(
        "teams.Team", on_delete=models.CASCADE, related_name="sla_calendar", verbose_name=_("team")
    )
    calendar = models.ForeignKey(
        Calendar, on_delete=models.PROTECT, related_name="team_links", verbose_name=_("calendar")
    )

    class Meta:
        verbose_name = _("team calendar")
        verbose_name_plural = _("team calendars")

    def __str__(self) -> str:
        return f"{self.team} → {self.calendar}"


class SlaPolicy(models.Model):
    """Targets for the tickets it matches; the first matching active policy applies.

    An empty condition matches everything.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    position = models.PositiveIntegerField(_("position"), default=100)
    is_active = models.BooleanField(_("active"), default=True)
    # Conditions.
    priorities = models.JSONField(_("priorities"), default=list, blank=True)
    teams = models.ManyToManyField("teams.Team", verbose_name=_("teams"), blank=True)
    levels = models.ManyToManyField("teams.Level", verbose_name=_("levels"), blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)
    ticket_types = models.JSONField(_("types"), default=list, blank=True)
    key_accounts_only = models.BooleanField(_("key accounts only"), default=False)
    organisations = models.ManyToManyField(
        "customers.Organisation", verbose_name=_("organisations"), blank=True
    )
    languages = models.JSONField(_("customer languages"), default=list, blank=True)
    # Targets, in business minutes; empty means no target of that kind.
    first_response_minutes = models.PositiveIntegerField(
        _("first response (business minutes)"), null=True, blank=True
    )
    next_response_minutes = models.PositiveIntegerField(
        _("next response (business minutes)"), null=True, blank=True
    )
    resolution_minutes = models.PositiveIntegerField(
        _("resolution (business minutes)"), null=True, blank=True
    )
    calendar = models.ForeignKey(
        Calendar,
        verbose_name=_("calendar"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="policies",
        help_text=_("Empty: the calendar of the ticket's team."),
    )
    pause_statuses = models.JSONField(
        _("statuses that pause resolution"), default=default_pause_statuses, blank=True
    )
    warning_share = models.FloatField(
        _("warn at share of target"),
        default=0.8,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("E.g. 0.8 warns when 80 % of the time is used; 0 turns warnings off."),
    )
    breach_raise_priority = models.BooleanField(_("on breach: raise priority"), default=False)
    breach_assign_lead = models.BooleanField(_("on breach: assign to team lead"), default=False)
    breach_escalate = models.BooleanField(_("on breach: escalate one level"), default=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class TargetName(models.TextChoices):
    FIRST_RESPONSE = "first_response", _("First response")
    NEXT_RESPONSE = "next_response", _("Next response")
    RESOLUTION = "resolution", _("Resolution")


class TargetState(models.TextChoices):
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused")
    MET = "met", _("Met")
    BREACHED = "breached", _("Breached")


class TicketSlaTarget(models.Model):
    """One clock of a ticket: when it is due, the business time used, and how it ended.

    ``breached_at`` is set exactly once, by the code that records the breach
    (timeline event, notifications, escalation), under a row lock: it is what
    keeps a breach from being recorded twice.
    """

    ticket = models.ForeignKey(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="sla_targets"
    )
    policy = models.ForeignKey(
        SlaPolicy, null=True, blank=True, on_delete=models.SET_NULL, related_name="targets"
    )
    name = models.CharField(_("target"), max_length=20, choices=TargetName.choices)
    target_minutes = models.PositiveIntegerField(_("target (business minutes)"))
    started_at = models.DateTimeField(_("clock started"))
    due_at = models.DateTimeField(_("due"), null=True, blank=True, db_index=True)
    warn_at = models.DateTimeField(_("warning due"), null=True, blank=True)
    business_minutes_used = models.FloatField(_("business minutes used"), default=0)
    paused_since = models.DateTimeField(_("paused since"), null=True, blank=True)
    paused_intervals = models.JSONField(_("paused intervals"), default=list, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=TargetState.choices, default=TargetState.RUNNING
    )
    met_at = models.DateTimeField(_("met"), null=True, blank=True)
    warned_at = models.DateTimeField(_("warned"), null=True, blank=True)
    breached_at = models.DateTimeField(_("breached"), null=True, blank=True)
    # When the next warning or breach is to be recorded; the sweep looks here.
    next_check_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The check time a background task has been queued for (avoids queueing twice).
    scheduled_for = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("SLA target")
        verbose_name_plural = _("SLA targets")
        ordering = ["ticket", "name"]
        constraints = [
            models.UniqueConstraint(fields=["ticket", "name"], name="unique_sla_target_per_ticket")
        ]
        indexes = [models.Index(fields=["name", "started_at"])]

    def __str__(self) -> str:
        return f"{self.name} of ticket {self.ticket_id}: {self.state}"
