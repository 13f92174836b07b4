"""Organisations the customers belong to; key accounts among them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    email_domain = models.CharField(
        _("email domain"),
        max_length=200,
        blank=True,
        help_text=_("New customers with this mail domain join the organisation."),
    )
    is_key_account = models.BooleanField(_("key account"), default=False)
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_accounts",
    )
    annual_revenue_eur = models.DecimalField(
        _("annual revenue (EUR)"), max_digits=14, decimal_places=2, default=0
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["email_domain"])]

    def __str__(self) -> str:
        return self.name
