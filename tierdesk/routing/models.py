"""Routing configuration and outcomes.

Rules and classifier keywords decide team, level, type and priority when a ticket
arrives; team modes, caps and escalation paths decide who works it. The decisions
themselves are made by pure functions (``rules``, ``classifier``, ``assignment``);
these models hold what an administrator configures and what was decided.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tierdesk.tickets.models import Channel, Priority, TicketType


class KeywordScope(models.TextChoices):
    ANYWHERE = "any", _("Subject or message")
    SUBJECT = "subject", _("Subject only")
    BODY = "body", _("Message only")


class LoyaltyTier(models.IntegerChoices):
    STANDARD = 0, _("Standard")
    SILVER = 1, _("Silver")
    GOLD = 2, _("Gold")
    PLATINUM = 3, _("Platinum")


class TeamMode(models.TextChoices):
    PULL = "pull", _("Pull: agents take the next best ticket")
    PUSH = "push", _("Push: assigned automatically on arrival")


PROFICIENCY_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
DEFAULT_PROFICIENCY = 3


class Product(models.Model):
    """A product customers write about, recognised by its keywords."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Also its tag."))
    name = models.CharField(_("name"), max_length=120)
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        help_text=_("Comma-separated names and model numbers that identify the product."),
    )
    skill = models.ForeignKey(
        "teams.Skill",
        verbose_name=_("skill needed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Agents need this skill to be given tickets about the product."),
    )

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """If every condition that is set matches, the rule's actions apply.

    Rules are tried in ``position`` order; the first match wins.
    """

    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveIntegerField(_("position"), default=100)
    is_active = models.BooleanField(_("active"), default=True)
    # Conditions (empty means "any").
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, blank=True)
    ticket_type = models.CharField(_("type"), max_length=20, choices=TicketType.choices, blank=True)
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_("Comma-separated; any one in subject or message matches (case-insensitive)."),
    )
    keyword_scope = models.CharField(
        _("look for keywords in"),
        max_length=10,
        choices=KeywordScope.choices,
        default=KeywordScope.ANYWHERE,
    )
    language = models.CharField(
        _("language"), max_length=8, blank=True, help_text=_("e.g. de or en")
    )
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "customers.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    key_accounts_only = models.BooleanField(_("key accounts only"), default=False)
    min_loyalty_tier = models.PositiveSmallIntegerField(
        _("loyalty tier at least"), choices=LoyaltyTier.choices, null=True, blank=True
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), null=True, blank=True, on_delete=models.CASCADE
    )
    source = models.CharField(
        _("mailbox or form"),
        max_length=100,
        blank=True,
        help_text=_("The mailbox's name or the form's name the request came through."),
    )
    # Actions (empty means "leave as is").
    set_team = models.ForeignKey(
        "teams.Team", verbose_name=_("set team"), null=True, blank=True, on_delete=models.CASCADE
    )
    set_level = models.ForeignKey(
        "teams.Level", verbose_name=_("set level"), null=True, blank=True, on_delete=models.CASCADE
    )
    set_priority = models.PositiveSmallIntegerField(
        _("set priority"), choices=Priority.choices, null=True, blank=True
    )
    set_type = models.CharField(
        _("set type"), max_length=20, choices=TicketType.choices, blank=True
    )
    set_tags = models.CharField(
        _("add tags"), max_length=300, blank=True, help_text=_("Comma-separated.")
    )
    required_skills = models.ManyToManyField(
        "teams.Skill", verbose_name=_("required skills"), blank=True, related_name="+"
    )
    min_proficiency = models.PositiveSmallIntegerField(
        _("proficiency at least"),
        default=1,
        validators=PROFICIENCY_VALIDATORS,
        help_text=_("In each required skill, 1 (basic) to 5 (expert)."),
    )

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class ClassifierKeyword(models.Model):
    """A word or phrase that points to a type of request and the team for it.

    Matched at the start of words, ignoring case and umlaut spelling, so
    ``kündig`` finds "Kündigung" and "kuendigen".
    """

    term = models.CharField(_("term"), max_length=100)
    ticket_type = models.CharField(_("type"), max_length=20, choices=TicketType.choices)
    team = models.ForeignKey("teams.Team", verbose_name=_("team"), on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=8, blank=True)
    weight = models.FloatField(
        _("weight"), default=1.0, validators=[MinValueValidator(0.1), MaxValueValidator(10)]
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("classifier keyword")
        verbose_name_plural = _("classifier keywords")
        ordering = ["ticket_type", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "ticket_type", "team"], name="unique_classifier_keyword"
            )
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.ticket_type}"


class RoutingPolicy(models.Model):
    """The department-wide routing settings (one row)."""

    classifier_threshold = models.FloatField(
        _("classifier confidence needed to route"),
        default=0.6,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Below it, unrouted requests are left for a person to triage."),
    )
    default_team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("default team"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    account_team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("account team"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Key accounts whose manager is absent, and VIP customers, go here."),
    )
    key_account_priority = models.PositiveSmallIntegerField(
        _("priority of key accounts at least"), choices=Priority.choices, default=Priority.HIGH
    )
    vip_priority = models.PositiveSmallIntegerField(
        _("priority of VIP customers at least"), choices=Priority.choices, default=Priority.HIGH
    )
    vip_to_account_team = models.BooleanField(
        _("VIP customers go to the account team"), default=True
    )

    class Meta:
        verbose_name = _("routing policy")
        verbose_name_plural = _("routing policy")

    def __str__(self) -> str:
        return str(_("Routing policy"))


class CustomerTier(models.Model):
    """Loyalty tier and VIP status of an organisation or of a single customer."""

    organisation = models.OneToOneField(
        "customers.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="routing_tier",
    )
    customer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("customer"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="routing_tier",
    )
    loyalty_tier = models.PositiveSmallIntegerField(
        _("loyalty tier"), choices=LoyaltyTier.choices, default=LoyaltyTier.STANDARD
    )
    is_vip = models.BooleanField(_("VIP"), default=False)

    class Meta:
        verbose_name = _("customer tier")
        verbose_name_plural = _("customer tiers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=True, customer__isnull=False)
                | models.Q(organisation__isnull=False, customer__isnull=True),
                name="customer_tier_for_one",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation or self.customer}: {self.get_loyalty_tier_display()}"


class TeamRouting(models.Model):
    """How a team's tickets reach its agents."""

    team = models.OneToOneField(
        "teams.Team", verbose_name=_("team"), on_delete=models.CASCADE, related_name="routing"
    )
    mode = models.CharField(
        _("mode"), max_length=10, choices=TeamMode.choices, default=TeamMode.PULL
    )

    class Meta:
        verbose_name = _("team routing")
        verbose_name_plural = _("team routing")

    def __str__(self) -> str:
        return f"{self.team}: {self.mode}"


class EscalationPath(models.Model):
    """Who is the Second or Third Level for a team's tickets (optionally per product)."""

    team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="escalation_paths",
    )
    level = models.ForeignKey("teams.Level", verbose_name=_("level"), on_delete=models.CASCADE)
    product = models.ForeignKey(
        Product, verbose_name=_("product"), null=True, blank=True, on_delete=models.CASCADE
    )
    target_team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("escalate to team"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("escalation path")
        verbose_name_plural = _("escalation paths")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "level", "product"], name="unique_escalation_path"
            ),
            models.UniqueConstraint(
                fields=["team", "level"],
                condition=models.Q(product__isnull=True),
                name="unique_escalation_path_any_product",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} → {self.level}: {self.target_team}"

    def clean(self) -> None:
        """Only a level one can escalate to has a path: it holds a queue, above the lowest."""
        from tierdesk.teams.models import Level

        if self.level_id is None:
            return
        lowest = Level.objects.filter(holds_queue=True).order_by("rank").first()
        if not self.level.holds_queue or (lowest is not None and self.level.rank <= lowest.rank):
            raise ValidationError(
                {
                    "level": _("Nobody escalates to %(level)s: choose a higher level with a queue.")
                    % {"level": self.level}
                }
            )


class SkillProficiency(models.Model):
    """How well an agent masters a skill (1–5); a skill without a row counts as 3."""

    agent = models.ForeignKey(
        "teams.AgentProfile", on_delete=models.CASCADE, related_name="proficiencies"
    )
    skill = models.ForeignKey("teams.Skill", on_delete=models.CASCADE, related_name="+")
    proficiency = models.PositiveSmallIntegerField(
        _("proficiency"), default=DEFAULT_PROFICIENCY, validators=PROFICIENCY_VALIDATORS
    )

    class Meta:
        verbose_name = _("skill proficiency")
        verbose_name_plural = _("skill proficiencies")
        constraints = [
            models.UniqueConstraint(fields=["agent", "skill"], name="unique_skill_proficiency")
        ]

    def __str__(self) -> str:
        return f"{self.agent_id}: {self.skill_id} = {self.proficiency}"


class TicketRouting(models.Model):
    """What the router decided for a ticket on arrival, and why."""

    ticket = models.OneToOneField(
        "tickets.Ticket", primary_key=True, on_delete=models.CASCADE, related_name="routing"
    )
    rule = models.ForeignKey(RoutingRule, null=True, blank=True, on_delete=models.SET_NULL)
    rule_name = models.CharField(max_length=120, blank=True)
    product = models.CharField(max_length=40, blank=True)
    required_skills = models.JSONField(default=list, blank=True)
    min_proficiency = models.PositiveSmallIntegerField(default=1)
    classified_type = models.CharField(max_length=20, blank=True)
    classified_team = models.CharField(max_length=40, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    needs_triage = models.BooleanField(default=False)
    reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("routing decision")
        verbose_name_plural = _("routing decisions")

    def __str__(self) -> str:
        return f"routing of {self.ticket_id}"


class LoadSample(models.Model):
    """An agent's open tickets at one moment, for the lead's time-over-cap figure."""

    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="load_samples"
    )
    at = models.DateTimeField(default=timezone.now)
    open_tickets = models.PositiveIntegerField()
    cap = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["agent", "at"]), models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"{self.agent_id} at {self.at:%H:%M}: {self.open_tickets}/{self.cap}"
