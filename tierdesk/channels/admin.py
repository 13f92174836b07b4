"""Admin pages: mailboxes, received mail (with the failed-mail list and retry), sent mail,
webhooks and their delivery log, call records."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tierdesk.channels.inbound import inbound_mail_retry
from tierdesk.channels.models import (
    CallRecord,
    InboundMail,
    Mailbox,
    OutboundMail,
    WebhookDelivery,
    WebhookSubscription,
)
from tierdesk.channels.webhooks import webhook_redeliver


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin[Mailbox]):
    list_display = ["name", "team", "is_active", "imap_host", "imap_last_polled_at"]
    readonly_fields = ["imap_last_polled_at", "imap_last_error"]


@admin.register(InboundMail)
class InboundMailAdmin(admin.ModelAdmin[InboundMail]):
    list_display = ["received_at", "state", "from_email", "subject", "ticket", "attempts", "source"]
    list_filter = ["state", "source", "auto_generated", "mailbox"]
    search_fields = ["message_id", "from_email", "subject", "error"]
    exclude = ["raw"]
    readonly_fields = [field.name for field in InboundMail._meta.fields if field.name != "raw"]
    actions = ["retry"]
    list_select_related = ["ticket"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[InboundMail]:
        return super().get_queryset(request).defer("raw")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Process the selected mail again"))
    def retry(self, request: HttpRequest, queryset: QuerySet[InboundMail]) -> None:
        count = 0
        for inbound in queryset.exclude(state="processed"):
            inbound_mail_retry(inbound)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d mail queued again.", "%(count)d mails queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(OutboundMail)
class OutboundMailAdmin(admin.ModelAdmin[OutboundMail]):
    list_display = ["created_at", "kind", "to_email", "ticket", "state", "attempts", "sent_at"]
    list_filter = ["state", "kind", "is_automatic"]
    search_fields = ["to_email", "subject", "message_id"]
    readonly_fields = [field.name for field in OutboundMail._meta.fields]
    list_select_related = ["ticket"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class WebhookDeliveryInline(admin.TabularInline[WebhookDelivery, WebhookSubscription]):
    model = WebhookDelivery
    fields = ["created_at", "event", "state", "attempts", "response_status", "error"]
    readonly_fields = ["created_at", "event", "state", "attempts", "response_status", "error"]
    extra = 0
    max_num = 0
    ordering = ["-created_at"]
    show_change_link = True


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin[WebhookSubscription]):
    list_display = ["name", "url", "events", "is_active", "created_at"]
    inlines = [WebhookDeliveryInline]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin[WebhookDelivery]):
    list_display = ["created_at", "subscription", "event", "state", "attempts", "response_status"]
    list_filter = ["state", "event", "subscription"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]
    actions = ["redeliver"]
    list_select_related = ["subscription"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Deliver the selected events again"))
    def redeliver(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        for delivery in queryset:
            webhook_redeliver(delivery)
        self.message_user(request, _("Queued again."), messages.SUCCESS)


@admin.register(CallRecord)
class CallRecordAdmin(admin.ModelAdmin[CallRecord]):
    list_display = ["started_at", "queue", "duration_seconds", "outcome"]
    list_filter = ["outcome", "queue"]
    date_hierarchy = "started_at"
