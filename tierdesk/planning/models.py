"""What a staffing plan is made of: queues, scenarios, plan versions, rosters and hiring needs.

A plan covers whole local days on a grid of ``interval_minutes``: index ``i`` of every
per-interval array is the local wall-clock time ``start 00:00 + i × interval`` in the
department's time zone. Arrays are stored as JSON lists because they are only ever read
and written whole, by one plan computation and its pages.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QueueKind(models.TextChoices):
    """How contacts of a channel are served: answered at once, concurrently, or by a deadline."""

    PHONE = "phone", _("Phone")
    CHAT = "chat", _("Chat")
    WRITTEN = "written", _("Written (email, web, API, social)")


#: Ticket channel → the queue kind whose staffing model applies to it.
CHANNEL_KIND = {
    "phone": QueueKind.PHONE,
    "chat": QueueKind.CHAT,
    "email": QueueKind.WRITTEN,
    "web": QueueKind.WRITTEN,
    "api": QueueKind.WRITTEN,
    "social": QueueKind.WRITTEN,
}


class QueueSettings(models.Model):
    """Service targets and estimates of one team × level × queue kind, where not the defaults."""

    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="+")
    level = models.ForeignKey("teams.Level", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("queue"), max_length=10, choices=QueueKind.choices)
    target_level = models.FloatField(
        _("share answered in time"),
        default=0.8,
        validators=[MinValueValidator(0.01), MaxValueValidator(0.999)],
    )
    target_seconds = models.PositiveIntegerField(
        _("answer within (seconds)"), null=True, blank=True, help_text=_("Phone and chat.")
    )
    deadline_business_minutes = models.PositiveIntegerField(
        _("answer within (business minutes)"),
        null=True,
        blank=True,
        help_text=_("Written requests; empty: the SLA policy's first-response target."),
    )
    concurrency = models.PositiveSmallIntegerField(
        _("chats per agent"), default=2, validators=[MinValueValidator(1)]
    )
    aht_estimate_seconds = models.PositiveIntegerField(
        _("handling time estimate (seconds)"),
        null=True,
        blank=True,
        help_text=_("Used while the desk has too little time accounting for this queue."),
    )

    class Meta:
        verbose_name = _("queue settings")
        verbose_name_plural = _("queue settings")
        constraints = [
            models.UniqueConstraint(fields=["team", "level", "kind"], name="planning_queue_once")
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.level.code} {self.kind}"


class SpecialDay(models.Model):
    """A named day with its own volume (Black Friday, a sale, a mailing), learned by the forecast."""

    name = models.CharField(_("name"), max_length=100)
    date = models.DateField(_("date"))
    team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Empty: every team."),
    )

    class Meta:
        verbose_name = _("special day")
        verbose_name_plural = _("special days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "date", "team"], name="planning_special_day_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.date:%Y-%m-%d}"


class Scenario(models.Model):
    """A named what-if: more volume for a period, other handling times, shrinkage or quantile."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Empty: the volume change applies to every team."),
    )
    volume_change_percent = models.FloatField(
        _("volume change (%)"),
        default=0.0,
        validators=[MinValueValidator(-90), MaxValueValidator(500)],
    )
    volume_change_from = models.DateField(_("from"), null=True, blank=True)
    volume_change_until = models.DateField(_("until"), null=True, blank=True)
    aht_change_percent = models.FloatField(
        _("handling time change (%)"),
        default=0.0,
        validators=[MinValueValidator(-90), MaxValueValidator(500)],
    )
    shrinkage_percent = models.FloatField(
        _("shrinkage (%)"),
        default=30.0,
        validators=[MinValueValidator(0), MaxValueValidator(80)],
        help_text=_("Paid time not spent on contacts: breaks, training, absence, holidays."),
    )
    forecast_quantile = models.FloatField(
        _("forecast quantile"),
        default=0.5,
        validators=[MinValueValidator(0.5), MaxValueValidator(0.99)],
        help_text=_(
            "0.5 plans for the expected volume; 0.8 for a volume exceeded one day in five."
        ),
    )
    campaign_date = models.DateField(_("campaign day"), null=True, blank=True)
    campaign_change_percent = models.FloatField(
        _("campaign day volume change (%)"),
        default=0.0,
        validators=[MinValueValidator(-90), MaxValueValidator(1000)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PlanStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class PlanVersion(models.Model):
    """One computed plan: forecast, staffing, roster, simulation and hiring need, kept as run."""

    scenario = models.ForeignKey(
        Scenario,
        verbose_name=_("scenario"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
        help_text=_("Empty: the baseline, the forecast as it is."),
    )
    scenario_name = models.CharField(_("scenario"), max_length=100, blank=True)
    # The scenario's settings as used, so a later edit of the scenario leaves this plan as run.
    scenario_settings = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.QUEUED
    )
    progress_percent = models.PositiveSmallIntegerField(default=0)
    progress_text = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    start = models.DateField(_("first day"))
    days = models.PositiveSmallIntegerField(
        _("days"), default=42, validators=[MinValueValidator(1), MaxValueValidator(400)]
    )
    roster_days = models.PositiveSmallIntegerField(
        _("days rostered"), default=7, validators=[MinValueValidator(0), MaxValueValidator(28)]
    )
    interval_minutes = models.PositiveSmallIntegerField(_("interval (minutes)"), default=30)
    time_zone = models.CharField(max_length=64, default="Europe/Berlin")
    history_from = models.DateTimeField(null=True, blank=True)
    history_until = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.scenario_name or 'baseline'} {self.start:%Y-%m-%d}"

    @property
    def intervals_per_day(self) -> int:
        return 1440 // self.interval_minutes


class PlanRole(models.Model):
    """One team at one level in a plan: its agents needed and rostered, simulated and hired."""

    plan = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="roles")
    team = models.ForeignKey("teams.Team", on_delete=models.CASCADE, related_name="+")
    level = models.ForeignKey("teams.Level", on_delete=models.CASCADE, related_name="+")
    # Agents needed on the floor per interval, all queue kinds of the role together.
    required_agents = models.JSONField(default=list)
    # Agents the roster puts on the floor per interval, over the rostered days (then empty).
    scheduled_agents = models.JSONField(default=list)
    required_fte = models.FloatField(default=0.0)
    current_fte = models.FloatField(default=0.0)
    agents_in_post = models.PositiveIntegerField(default=0)
    unfilled_shifts = models.PositiveIntegerField(default=0)
    # Simulated on the forecast and the roster: share answered in time and backlog per interval.
    simulated_service_level = models.FloatField(null=True, blank=True)
    simulated_backlog = models.JSONField(default=list)
    simulated_contacts = models.PositiveIntegerField(default=0)
    gap_fte = models.FloatField(default=0.0)
    hires = models.PositiveIntegerField(default=0)
    essential_skills = models.JSONField(default=list)
    trainable_skills = models.JSONField(default=list)
    hire_by = models.DateField(null=True, blank=True)
    notes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["team__slug", "level__rank"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "team", "level"], name="planning_role_once")
        ]

    def __str__(self) -> str:
        return f"{self.team} {self.level.code}"

    @property
    def peak_agents(self) -> int:
        return max((int(value) for value in self.required_agents), default=0)


class PlanQueue(models.Model):
    """One queue of a role: its forecast and the agents it needs per interval."""

    role = models.ForeignKey(PlanRole, on_delete=models.CASCADE, related_name="queues")
    kind = models.CharField(max_length=10, choices=QueueKind.choices)
    forecast = models.JSONField(default=list)
    forecast_lower = models.JSONField(default=list)
    forecast_upper = models.JSONField(default=list)
    required_agents = models.JSONField(default=list)
    backlog = models.JSONField(default=list)
    aht_seconds = models.FloatField()
    aht_measured = models.BooleanField(default=False)
    aht_samples = models.PositiveIntegerField(default=0)
    method = models.CharField(max_length=40, blank=True)
    # Back-test accuracy per lead day: [{"lead": 1, "mape": …, "wape": …, "noise_floor": …}, …]
    accuracy = models.JSONField(default=list, blank=True)
    history_contacts = models.PositiveIntegerField(default=0)
    target = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["role", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["role", "kind"], name="planning_queue_kind_once")
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.kind}"

    @property
    def forecast_total(self) -> float:
        return float(sum(self.forecast))


class RosterShift(models.Model):
    """One shift of a plan's roster; without an agent it is a shift nobody could take."""

    role = models.ForeignKey(PlanRole, on_delete=models.CASCADE, related_name="shifts")
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    paid_minutes = models.PositiveIntegerField()
    template = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["agent", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.role} {self.starts_at:%Y-%m-%d %H:%M}"
