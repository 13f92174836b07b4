"""Routing rules applied when a ticket arrives."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tierdesk.tickets.models import Channel, Priority, TicketType


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
    organisation = models.ForeignKey(
        "customers.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    key_accounts_only = models.BooleanField(_("key accounts only"), default=False)
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

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name
