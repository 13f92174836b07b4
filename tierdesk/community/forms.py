"""Forms of the forum pages: they parse input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tierdesk.community.models import Category, FlagReason
from tierdesk.community.services.handover import TICKET_CHANNELS
from tierdesk.community.services.posting import MAX_BODY_LENGTH, MAX_TITLE_LENGTH
from tierdesk.tickets.models import Channel

BODY_HELP = _(
    "Plain text, or simple HTML (bold, lists, links, code). Scripts and styles are removed."
)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the forum"), max_length=200, required=False)


class AskForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.filter(is_active=True), empty_label=None
    )
    title = forms.CharField(label=_("Your question in one sentence"), max_length=MAX_TITLE_LENGTH)
    body = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=MAX_BODY_LENGTH,
        help_text=BODY_HELP,
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].label_from_instance = lambda category: category.localized_name  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_BODY_LENGTH,
        help_text=BODY_HELP,
    )


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at this?"), choices=FlagReason.choices
    )
    comment = forms.CharField(label=_("Comment (optional)"), max_length=500, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=300, required=False)


class TicketForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[(value, label) for value, label in Channel.choices if value in TICKET_CHANNELS],
    )
