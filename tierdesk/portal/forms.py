"""Forms of the customer portal."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from tierdesk.accounts.models import Role, User
from tierdesk.desk.forms import MESSAGE_MAX_LENGTH, AttachmentsField
from tierdesk.tickets.models import TicketType

# What a customer may say their request is about; the rest is for agents to decide.
CUSTOMER_TYPES = (
    TicketType.QUESTION,
    TicketType.INCIDENT,
    TicketType.COMPLAINT,
    TicketType.RETURN,
    TicketType.CANCELLATION,
)


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Email address"), max_length=150)
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        if password:
            # Checked against the name and address too ("anna@…" may not be "anna1234").
            probe = User(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("name", ""),
                role=Role.CUSTOMER,
            )
            try:
                validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class NewRequestForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=250)
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    ticket_type = forms.ChoiceField(
        label=_("What is it about?"),
        required=False,
        choices=[("", _("— please choose (optional) —"))]
        + [(value.value, value.label) for value in CUSTOMER_TYPES],
    )
    attachments = AttachmentsField()
    # Names the help-center deflection attempt (signed); filled in by the suggestions.
    deflection_token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deflection_token"].widget.attrs["id"] = "deflection-token"
        suggest = {
            "hx-post": reverse_lazy("knowledge:suggest"),
            "hx-trigger": "input changed delay:500ms",
            "hx-target": "#article-suggestions",
            "hx-include": "#id_subject, #id_body, #deflection-token, #deflection-channel",
        }
        self.fields["subject"].widget.attrs.update(suggest)
        self.fields["body"].widget.attrs.update(suggest)


class CustomerReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    attachments = AttachmentsField()
