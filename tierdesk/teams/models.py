"""The department's structure: support levels, teams, and agents' place in them."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tierdesk.teams.availability import AvailabilityError, parse_availability


class Level(models.Model):
    """A support level. Pre-support and self-service have no agents and hold no queue."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_de = models.CharField(_("name (German)"), max_length=100)
    rank = models.PositiveSmallIntegerField(
        _("rank"), unique=True, help_text=_("Order from the customer upwards: higher is deeper.")
    )
    holds_queue = models.BooleanField(_("holds a ticket queue"), default=True)
    talks_to_customers = models.BooleanField(
        _("writes to customers"),
        default=True,
        help_text=_("Off for Third Level: its agents reach customers only through Second Level."),
    )

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return self.name_de if (get_language() or "").startswith("de") else self.name_en


class Team(models.Model):
    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_de = models.CharField(_("name (German)"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("team email address"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return self.name_de if (get_language() or "").startswith("de") else self.name_en


class Skill(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    essential = models.BooleanField(
        _("essential"),
        default=False,
        help_text=_("Essential skills must be brought by a new hire; the others can be trained."),
    )

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Presence(models.TextChoices):
    WORKING = "working", _("Working")
    BREAK = "break", _("On a break")
    OFF_SHIFT = "off_shift", _("Off shift")
    ABSENT = "absent", _("Absent")


class AgentProfile(models.Model):
    """What makes a user an agent: level, languages, skills, and a cap on open tickets."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent_profile"
    )
    level = models.ForeignKey(Level, verbose_name=_("level"), on_delete=models.PROTECT)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    skills = models.ManyToManyField(Skill, verbose_name=_("skills"), blank=True)
    max_open_tickets = models.PositiveIntegerField(_("cap on open tickets"), default=25)
    is_available = models.BooleanField(_("available"), default=True)
    # Agent state read by the router (tierdesk.routing): only agents who are
    # available, working, on shift and under their caps receive tickets.
    presence = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.WORKING
    )
    absent_until = models.DateField(_("absent until"), null=True, blank=True)
    shift_start = models.TimeField(
        _("shift starts"), null=True, blank=True, help_text=_("Local time; empty: no fixed shift.")
    )
    shift_end = models.TimeField(_("shift ends"), null=True, blank=True)
    channel_caps = models.JSONField(
        _("caps per channel"),
        default=dict,
        blank=True,
        help_text=_('Open tickets at most per channel, e.g. {"chat": 2}.'),
    )
    last_assigned_at = models.DateTimeField(_("last assigned by the router"), null=True, blank=True)
    # The working-time contract, read by shift planning and rostering.
    weekly_hours = models.DecimalField(
        _("contracted hours per week"),
        max_digits=4,
        decimal_places=1,
        default=Decimal("40"),
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("60"))],
    )
    availability = models.JSONField(
        _("availability"),
        default=dict,
        blank=True,
        help_text=_(
            'Weekday "0" (Monday) to "6" (Sunday) → windows ["HH:MM", "HH:MM"] when the agent '
            'can be rostered, e.g. {"0": [["08:00", "13:00"]]}. Empty: any time within '
            "opening hours."
        ),
    )
    employed_since = models.DateField(_("employed since"), null=True, blank=True)

    class Meta:
        verbose_name = _("agent profile")
        verbose_name_plural = _("agent profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.level.code})"

    def clean(self) -> None:
        super().clean()
        try:
            parse_availability(self.availability)
        except AvailabilityError as error:
            raise ValidationError(
                {"availability": _("Invalid availability: %(reason)s") % {"reason": error}}
            ) from error


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    is_lead = models.BooleanField(_("team lead"), default=False)

    class Meta:
        verbose_name = _("team membership")
        verbose_name_plural = _("team memberships")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="unique_team_member")]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"
