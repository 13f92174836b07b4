"""Forms of the contact page and the phone log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from tierdesk.desk.forms import MESSAGE_MAX_LENGTH, AttachmentsField


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    subject = forms.CharField(label=_("Subject"), max_length=250)
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    attachments = AttachmentsField()
    # A field people never see; bots fill every field they find.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # Names the help-center deflection attempt (signed); filled in by the suggestions.
    deflection_token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deflection_token"].widget.attrs["id"] = "deflection-token"
        # Matching help-center articles appear beside the form while the visitor types.
        suggest = {
            "hx-post": reverse_lazy("knowledge:suggest"),
            "hx-trigger": "input changed delay:500ms",
            "hx-target": "#article-suggestions",
            "hx-include": "#id_subject, #id_message, #deflection-token, #deflection-channel",
        }
        self.fields["subject"].widget.attrs.update(suggest)
        self.fields["message"].widget.attrs.update(suggest)


class PhoneCallForm(forms.Form):
    customer_email = forms.EmailField(label=_("Customer's email address"), max_length=254)
    subject = forms.CharField(label=_("Subject"), max_length=250)
    summary = forms.CharField(
        label=_("What was the call about?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    duration_minutes = forms.IntegerField(label=_("Minutes"), min_value=0, max_value=600)
    duration_seconds = forms.IntegerField(
        label=_("Seconds"), min_value=0, max_value=59, required=False, initial=0
    )

    def total_seconds(self) -> int:
        return int(self.cleaned_data["duration_minutes"]) * 60 + int(
            self.cleaned_data.get("duration_seconds") or 0
        )
