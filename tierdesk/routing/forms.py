"""Forms of the routing pages and the admin's preview."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tierdesk.teams.models import Presence
from tierdesk.tickets.models import Channel, TicketType


class DayForm(forms.Form):
    day = forms.DateField(label=_("Day"), required=False)


class PresenceForm(forms.Form):
    presence = forms.ChoiceField(label=_("Presence"), choices=Presence.choices)
    absent_until = forms.DateField(label=_("Absent until"), required=False)


class PreviewForm(forms.Form):
    """A ticket that could arrive: which rule would match it, and who would get it?"""

    subject = forms.CharField(label=_("Subject"), max_length=250)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.EMAIL)
    ticket_type = forms.ChoiceField(
        label=_("Type chosen by the customer"),
        choices=[("", _("none")), *TicketType.choices],
        required=False,
    )
    customer_email = forms.EmailField(
        label=_("Customer's email"),
        required=False,
        help_text=_("An existing customer: their organisation, tier and language count."),
    )
    language = forms.CharField(label=_("Language"), max_length=8, required=False)
    source = forms.CharField(label=_("Mailbox or form"), max_length=100, required=False)
