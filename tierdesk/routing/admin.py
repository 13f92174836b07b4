from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tierdesk.accounts.models import User
from tierdesk.channels.models import Mailbox
from tierdesk.routing.forms import PreviewForm
from tierdesk.routing.models import (
    ClassifierKeyword,
    CustomerTier,
    EscalationPath,
    Product,
    RoutingPolicy,
    RoutingRule,
    SkillProficiency,
    TeamRouting,
    TicketRouting,
)
from tierdesk.routing.services import PORTAL_SOURCE, routing_preview

CONTACT_FORM_SOURCE = "contact-form"


def _mailbox_named(name: str) -> Mailbox | None:
    """The mailbox a preview's "mailbox or form" names: its team routes like real mail."""
    if not name.strip():
        return None
    return Mailbox.objects.filter(name__iexact=name.strip()).select_related("team").first()


def source_help_text() -> str:
    """The names the "mailbox or form" condition can match, as they are configured now."""
    mailboxes = ", ".join(Mailbox.objects.order_by("name").values_list("name", flat=True))
    return gettext(
        "“%(portal)s” for the customer portal, “%(contact)s” for the contact form, or a "
        "mailbox's name (%(mailboxes)s); mail to an address of no mailbox: that address."
    ) % {"portal": PORTAL_SOURCE, "contact": CONTACT_FORM_SOURCE, "mailboxes": mailboxes or "–"}


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin[RoutingRule]):
    list_display = ("position", "name", "is_active", "channel", "ticket_type", "set_team")
    list_display_links = ("name",)
    list_editable = ("position", "is_active")
    list_filter = ("is_active", "set_team")
    filter_horizontal = ("required_skills",)
    autocomplete_fields = ("customer",)
    fieldsets = (
        (None, {"fields": ("name", "position", "is_active")}),
        (
            _("Conditions"),
            {
                "fields": (
                    "channel",
                    "ticket_type",
                    "keywords",
                    "keyword_scope",
                    "language",
                    "customer",
                    "organisation",
                    "key_accounts_only",
                    "min_loyalty_tier",
                    "product",
                    "source",
                )
            },
        ),
        (
            _("Actions"),
            {
                "fields": (
                    "set_team",
                    "set_level",
                    "set_priority",
                    "set_type",
                    "set_tags",
                    "required_skills",
                    "min_proficiency",
                )
            },
        ),
    )

    def get_form(
        self,
        request: HttpRequest,
        obj: RoutingRule | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm[RoutingRule]]:
        form = super().get_form(request, obj, change, **kwargs)
        if "source" in form.base_fields:
            form.base_fields["source"].help_text = source_help_text()
        return form

    def get_urls(self) -> list[URLPattern]:
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/", preview, name="routing_routingrule_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        """Which rule would match this ticket, what would be decided, who would get it."""
        form = PreviewForm(request.POST or None)
        form.fields["source"].help_text = source_help_text()
        context: dict[str, Any] = {**self.admin_site.each_context(request), "form": form}
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            email = data["customer_email"]
            requester = User.objects.filter(email__iexact=email).first() if email else None
            if email and requester is None:
                form.add_error("customer_email", _("No customer has this address."))
            else:
                mailbox = _mailbox_named(data["source"])
                context["preview"] = routing_preview(
                    subject=data["subject"],
                    body=data["body"],
                    channel=data["channel"],
                    ticket_type=data["ticket_type"] or None,
                    requester=requester,
                    language=data["language"],
                    source=data["source"],
                    source_team=mailbox.team if mailbox else None,
                )
        status = 400 if form.errors else 200
        return TemplateResponse(
            request, "admin/routing/routingrule/preview.html", context, status=status
        )


@admin.register(ClassifierKeyword)
class ClassifierKeywordAdmin(admin.ModelAdmin[ClassifierKeyword]):
    list_display = ("term", "ticket_type", "team", "language", "weight", "is_active")
    list_editable = ("weight", "is_active")
    list_filter = ("ticket_type", "team", "language", "is_active")
    search_fields = ("term",)


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin[Product]):
    list_display = ("code", "name", "skill")
    search_fields = ("code", "name", "keywords")


@admin.register(RoutingPolicy)
class RoutingPolicyAdmin(admin.ModelAdmin[RoutingPolicy]):
    list_display = ("__str__", "classifier_threshold", "key_account_priority", "vip_priority")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not RoutingPolicy.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: RoutingPolicy | None = None) -> bool:
        return False


@admin.register(CustomerTier)
class CustomerTierAdmin(admin.ModelAdmin[CustomerTier]):
    list_display = ("__str__", "loyalty_tier", "is_vip")
    list_filter = ("loyalty_tier", "is_vip")
    autocomplete_fields = ("customer",)


@admin.register(TeamRouting)
class TeamRoutingAdmin(admin.ModelAdmin[TeamRouting]):
    list_display = ("team", "mode")
    list_editable = ("mode",)
    list_display_links = ("team",)


@admin.register(EscalationPath)
class EscalationPathAdmin(admin.ModelAdmin[EscalationPath]):
    list_display = ("team", "level", "product", "target_team")
    list_filter = ("team", "level")


@admin.register(SkillProficiency)
class SkillProficiencyAdmin(admin.ModelAdmin[SkillProficiency]):
    list_display = ("agent", "skill", "proficiency")
    list_filter = ("skill", "proficiency")
    list_select_related = ("agent__user", "skill")


@admin.register(TicketRouting)
class TicketRoutingAdmin(admin.ModelAdmin[TicketRouting]):
    list_display = ("ticket", "rule_name", "classified_type", "confidence", "needs_triage")
    list_filter = ("needs_triage", "classified_type")
    list_select_related = ("ticket",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: TicketRouting | None = None) -> bool:
        return False
