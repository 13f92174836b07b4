"""Forms of the agent workspace: they parse input; the ticket services decide.

Every ticket form takes the ticket and the acting user, so that choices (agents of
the ticket's level, levels above it …) fit the ticket being worked on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from tierdesk.accounts.models import STAFF_ROLES, User
from tierdesk.routing.rules import TRIAGE_TAG
from tierdesk.teams.models import Level, Presence, Team
from tierdesk.tickets.models import (
    MAX_MINUTES_PER_ENTRY,
    OPEN_STATUSES,
    Priority,
    Status,
    Ticket,
    TicketType,
)
from tierdesk.tickets.selectors import problems_visible_to, ticket_for
from tierdesk.tickets.services import AttachmentUpload

if TYPE_CHECKING:
    from collections.abc import Sequence

MESSAGE_MAX_LENGTH = 50_000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Any number of files, each refused before it is read if it exceeds the size limit."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(AttachmentsField, self).clean(item, initial) for item in files]
        limit = settings.TIERDESK_MAX_ATTACHMENT_BYTES
        for upload in cleaned:
            if upload.size is not None and upload.size > limit:
                # Checked here too, so that a huge upload is never read into memory.
                raise forms.ValidationError(
                    _(
                        "The attachment “%(name)s” is %(size).1f MB; the limit is "
                        "%(limit).1f MB. Nothing was saved."
                    ),
                    code="too_large",
                    params={
                        "name": upload.name,
                        "size": upload.size / 2**20,
                        "limit": limit / 2**20,
                    },
                )
        return cleaned


def attachment_uploads(files: Sequence[UploadedFile]) -> list[AttachmentUpload]:
    """Uploaded files as the services take them."""
    return [
        AttachmentUpload(
            filename=upload.name or "attachment",
            content_type=upload.content_type or "application/octet-stream",
            data=upload.read(),
        )
        for upload in files
    ]


def message_field(label: str | Any, rows: int = 6) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def time_spent_field(help_text: str | Any = "") -> forms.IntegerField:
    """Optional minutes spent, for time accounting; the service checks them again."""
    return forms.IntegerField(
        label=_("Time spent (minutes)"),
        required=False,
        min_value=1,
        max_value=MAX_MINUTES_PER_ENTRY,
        help_text=help_text,
    )


class PersonChoiceField(forms.ModelChoiceField[User]):
    """People by name; colleagues also with their role and level."""

    def __init__(self, *, with_role: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", User.objects.none())
        super().__init__(**kwargs)
        self.with_role = with_role

    def label_from_instance(self, obj: User) -> str:
        if not self.with_role:
            return obj.display_name
        profile = getattr(obj, "agent_profile", None)
        parts = [str(obj.get_role_display())]
        if profile is not None:
            parts.append(profile.level.code)
        return f"{obj.display_name} ({', '.join(parts)})"


class TicketForm(forms.Form):
    """A form acting on one ticket for one agent."""

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ticket = ticket
        self.user = user


class VersionedTicketForm(TicketForm):
    """Carries the ticket version the agent saw, so that a later save can be refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        super().__init__(*args, ticket=ticket, user=user, **kwargs)
        self.fields["version"].initial = ticket.version


class ReplyForm(VersionedTicketForm):
    body = message_field(_("Reply to the customer"))
    attachments = AttachmentsField()
    new_status = forms.ChoiceField(
        label=_("Status after the reply"),
        required=False,
        choices=[("", _("unchanged (new becomes open)"))]
        + [(value, label) for value, label in Status.choices if value != Status.NEW],
    )
    minutes_spent = time_spent_field()


class NoteForm(TicketForm):
    body = message_field(_("Internal note"), rows=4)
    attachments = AttachmentsField()
    minutes_spent = time_spent_field()


class AgentLoadChoiceField(PersonChoiceField):
    """Agents with their open tickets against their cap, and their presence unless working.

    So that whoever assigns by hand sees who is full, on a break or away.
    """

    def label_from_instance(self, obj: User) -> str:
        profile = getattr(obj, "agent_profile", None)
        if profile is None:
            return obj.display_name
        values = {
            "name": obj.display_name,
            "open": getattr(obj, "open_tickets", 0),
            "cap": profile.max_open_tickets,
        }
        if profile.presence == Presence.WORKING:
            return str(_("%(name)s (%(open)s/%(cap)s open)") % values)
        presence = profile.get_presence_display()
        return str(
            _("%(name)s (%(open)s/%(cap)s open, %(presence)s)") % {**values, "presence": presence}
        )


class AssignForm(VersionedTicketForm):
    assignee = AgentLoadChoiceField(
        label=_("Assign to"),
        required=False,
        empty_label=_("— nobody —"),
    )
    to_me = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        super().__init__(*args, ticket=ticket, user=user, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        # One row per agent: a person is a member of a team once.
        field.queryset = (
            User.objects.filter(
                is_active=True,
                agent_profile__level_id=ticket.level_id,
                team_memberships__team_id=ticket.team_id,
            )
            .select_related("agent_profile")
            .annotate(
                open_tickets=Count(
                    "assigned_tickets", filter=Q(assigned_tickets__status__in=OPEN_STATUSES)
                )
            )
            .order_by("first_name", "last_name", "username")
        )
        field.initial = ticket.assignee_id

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("to_me"):
            cleaned["assignee"] = self.user
        return cleaned


class PropertiesForm(VersionedTicketForm):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.filter(is_active=True), empty_label=None
    )
    ticket_type = forms.ChoiceField(label=_("Type"), choices=TicketType.choices)
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas."),
    )

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        super().__init__(*args, ticket=ticket, user=user, **kwargs)
        self.fields["status"].initial = ticket.status
        self.fields["priority"].initial = ticket.priority
        self.fields["team"].initial = ticket.team_id
        self.fields["ticket_type"].initial = ticket.type
        names = [tag.name for tag in ticket.tags.all()]
        self.fields["tags"].initial = ", ".join(names)
        if TRIAGE_TAG in names:
            self.fields["tags"].help_text = _(
                "Separated by commas. The router left this ticket for triage: set team and "
                "type, then remove the tag “%(tag)s”."
            ) % {"tag": TRIAGE_TAG}

    def clean_tags(self) -> list[str]:
        raw = self.cleaned_data.get("tags") or ""
        return [name.strip() for name in raw.split(",") if name.strip()]


def _level_choice_field(label: str | Any) -> forms.ModelChoiceField[Level]:
    return forms.ModelChoiceField(
        label=label, queryset=Level.objects.none(), to_field_name="code", empty_label=None
    )


class EscalateForm(VersionedTicketForm):
    """Escalate to a higher level; the team is the escalation path's suggestion unless chosen.

    ``suggestions`` holds, for each level above the ticket's, the suggested team
    and why; ``relays`` the levels where the agent stays the customer's contact.
    """

    to_level = _level_choice_field(_("Escalate to"))
    to_team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.filter(is_active=True),
        required=False,
        empty_label=_("— the suggested team of the chosen level —"),
        to_field_name="slug",
    )
    reason = message_field(_("Reason"), rows=2)
    summary = message_field(_("Hand-over summary"), rows=4)

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        from tierdesk.routing.selectors import escalation_suggestions

        super().__init__(*args, ticket=ticket, user=user, **kwargs)
        field = self.fields["to_level"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Level.objects.filter(holds_queue=True, rank__gt=ticket.level.rank)
        levels = list(field.queryset)
        self.suggestions = escalation_suggestions(ticket, levels) if levels else []
        self.relays = [
            level.code
            for level in levels
            if ticket.level.talks_to_customers and not level.talks_to_customers
        ]


class HandBackForm(VersionedTicketForm):
    to_level = _level_choice_field(_("Hand back to"))
    reason = message_field(_("Reason / findings"), rows=3)
    summary = forms.CharField(
        label=_("Summary for the agent"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        super().__init__(*args, ticket=ticket, user=user, **kwargs)
        field = self.fields["to_level"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Level.objects.filter(
            holds_queue=True, rank__lt=ticket.level.rank
        ).order_by("-rank")


class HelpRequestForm(TicketForm):
    helper = PersonChoiceField(
        label=_("Ask"), with_role=True, empty_label=_("— choose a colleague —")
    )
    question = message_field(_("Question"), rows=3)

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        super().__init__(*args, ticket=ticket, user=user, **kwargs)
        field = self.fields["helper"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            User.objects.filter(is_active=True, role__in=STAFF_ROLES)
            .exclude(pk=user.pk)
            .select_related("agent_profile__level")
            .order_by("first_name", "last_name", "username")
        )


class HelpAnswerForm(forms.Form):
    answer = message_field(_("Your answer"), rows=3)


class ProblemCreateForm(TicketForm):
    subject = forms.CharField(label=_("Problem subject"), max_length=250)
    description = message_field(_("What is known so far"), rows=4)

    def __init__(self, *args: Any, ticket: Ticket, user: User, **kwargs: Any) -> None:
        super().__init__(*args, ticket=ticket, user=user, **kwargs)
        self.fields["subject"].initial = ticket.subject


class TicketNumberField(forms.IntegerField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            value = value.strip().lstrip("#")
        return super().to_python(value)


class ProblemLinkForm(TicketForm):
    problem_number = TicketNumberField(label=_("Problem record number"))

    def clean_problem_number(self) -> Ticket:
        number = self.cleaned_data["problem_number"]
        try:
            return problems_visible_to(self.user).get(number=number)
        except Ticket.DoesNotExist:
            raise forms.ValidationError(
                _("There is no problem record #%(number)s that you can see."),
                params={"number": number},
            ) from None


class ProblemSolveForm(TicketForm):
    solution = message_field(_("Solution"), rows=4)


class OtherTicketForm(TicketForm):
    """Names another ticket by number; only tickets the agent can see are found."""

    other_number = TicketNumberField(label=_("Ticket number"))

    def clean_other_number(self) -> Ticket:
        number = self.cleaned_data["other_number"]
        try:
            return ticket_for(self.user, number)
        except Ticket.DoesNotExist:
            raise forms.ValidationError(
                _("There is no ticket #%(number)s that you can see."), params={"number": number}
            ) from None


class MergeForm(OtherTicketForm):
    other_number = TicketNumberField(label=_("Merge this ticket into ticket number"))


class LinkForm(OtherTicketForm):
    other_number = TicketNumberField(label=_("Related ticket number"))


class CallForm(TicketForm):
    summary = message_field(_("What was said"), rows=3)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=0, max_value=24 * 60, initial=5
    )
    minutes_spent = time_spent_field(_("Empty: the duration of the call."))


class QueueSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
