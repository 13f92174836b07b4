"""Request and response bodies of the REST API, as documented in its OpenAPI schema.

Input schemas refuse unknown fields, so a misspelt field name is an error rather
than a silently ignored change.
"""

from __future__ import annotations

import binascii
import re
from base64 import b64decode
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict, field_validator

from tierdesk.tickets.models import MAX_MINUTES_PER_ENTRY, Channel, Priority, Status, TicketType
from tierdesk.tickets.services import AttachmentUpload

MAX_SUBJECT_LENGTH = 250
MAX_BODY_LENGTH = 200_000
MAX_ATTACHMENTS = 20
MAX_TAGS = 30
MAX_VERSION = 2**31 - 1
TAG_PATTERN = re.compile(r"^[-\w]{1,50}$")


def _storable(value: str) -> str:
    """Refuse what no database column can hold: NUL characters and lone surrogates."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text") from None
    return value


Text = Annotated[str, AfterValidator(_storable)]


class PriorityName(StrEnum):
    """Priorities by name (the database stores them as numbers 1–4)."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    def as_number(self) -> int:
        return int(Priority[self.name])


def priority_name(number: int) -> PriorityName:
    return PriorityName(Priority(number).name.lower())


class InputSchema(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


Version = Annotated[
    int,
    Field(
        ge=1,
        le=MAX_VERSION,
        description="The ticket version you saw (optional; an If-Match header works too). "
        "If the ticket changed since, the request fails with 409.",
    ),
]


class AttachmentIn(InputSchema):
    filename: Text = Field(min_length=1, max_length=255)
    content_type: Text = Field("application/octet-stream", max_length=120)
    data_base64: Text = Field(description="The file's content, base64-encoded.")

    @field_validator("data_base64")
    @classmethod
    def _must_be_base64(cls, value: str) -> str:
        try:
            b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("not valid base64") from None
        return value

    def to_upload(self) -> AttachmentUpload:
        return AttachmentUpload(
            filename=self.filename,
            content_type=self.content_type,
            data=b64decode(self.data_base64, validate=True),
        )


Attachments = Annotated[list[AttachmentIn], Field(max_length=MAX_ATTACHMENTS)]


class TicketCreateIn(InputSchema):
    subject: Text = Field(min_length=1, max_length=MAX_SUBJECT_LENGTH)
    body: Text = Field(
        min_length=1, max_length=MAX_BODY_LENGTH, description="Plain text or HTML (sanitised)."
    )
    customer_email: Text | None = Field(
        None,
        max_length=254,
        description="The requester. Agents must give it (an unknown address becomes a new "
        "customer); a customer's token may omit it or give its own address.",
    )
    channel: Channel = Channel.API
    team: Text | None = Field(
        None, max_length=40, description="Team slug (agents only); routing decides if omitted."
    )
    priority: PriorityName | None = Field(
        None, description="Agents only; routing decides if omitted."
    )
    type: TicketType | None = None
    attachments: Attachments = []

    @field_validator("customer_email")
    @classmethod
    def _valid_email(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            validate_email(value.strip())
        except DjangoValidationError:
            raise ValueError("not a valid email address") from None
        return value.strip()


class TicketUpdateIn(InputSchema):
    """Any subset of the fields; omitted fields stay as they are."""

    status: Status | None = None
    priority: PriorityName | None = None
    assignee: Text | None = Field(
        None, max_length=150, description="Username of an agent, or null to unassign."
    )
    team: Text | None = Field(None, max_length=40, description="Team slug.")
    type: TicketType | None = None
    tags: Annotated[list[Text], Field(max_length=MAX_TAGS)] | None = Field(
        None, description="The complete new set of tags (letters, digits, - and _)."
    )
    version: Version | None = None

    @field_validator("status", "priority", "team", "type", "tags", mode="before")
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Runs only for fields that were sent: null is a value only for ``assignee``.
        if value is None:
            raise ValueError("may be omitted but not null")
        return value

    @field_validator("tags")
    @classmethod
    def _valid_tags(cls, value: list[str] | None) -> list[str] | None:
        for tag in value or []:
            if not TAG_PATTERN.match(tag.strip().lower()):
                raise ValueError(f"“{tag[:60]}” is not a valid tag: 1–50 letters, digits, - or _")
        return value


class MessageIn(InputSchema):
    body: Text = Field(min_length=1, max_length=MAX_BODY_LENGTH)
    public: bool = Field(
        description="true: a reply the customer sees; false: an internal note (agents only)."
    )
    status: Status | None = Field(
        None, description="Agents' public replies only: the ticket's status afterwards."
    )
    attachments: Attachments = []
    time_spent_minutes: int | None = Field(
        None,
        ge=1,
        le=MAX_MINUTES_PER_ENTRY,
        strict=True,
        description="Agents only: minutes spent on this reply or note (time accounting).",
    )


class LevelChangeIn(InputSchema):
    to_level: Text = Field(min_length=1, max_length=20, description="Level code, e.g. L2.")
    reason: Text = Field(min_length=1, max_length=10_000)
    summary: Text = Field("", max_length=MAX_BODY_LENGTH, description="Hand-over summary.")
    version: Version | None = None


class EscalateIn(LevelChangeIn):
    to_team: Text | None = Field(
        None,
        max_length=40,
        description="Team slug. Omitted: the team the escalation paths suggest for the level "
        "(see escalation_targets of the ticket), or the ticket's own team.",
    )


# ----- responses ------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut] | None = None
    current_version: int | None = None


class FieldErrorOut(Schema):
    field: str
    message: str


class PersonOut(Schema):
    username: str
    name: str


class OrganisationOut(Schema):
    id: int
    name: str


class SlaTargetOut(Schema):
    name: Literal["first_response", "next_response", "resolution"]
    due_at: datetime | None
    business_minutes_used: float = Field(description="Business minutes consumed so far.")
    state: Literal["running", "paused", "met", "breached"]


class TicketOut(Schema):
    number: int
    display_number: str
    subject: str
    status: Status
    priority: PriorityName
    type: TicketType
    channel: Channel
    team: str = Field(description="Team slug.")
    level: str = Field(description="Level code.")
    assignee: str | None = Field(description="Username of the assigned agent.")
    requester: PersonOut
    organisation: OrganisationOut | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    solved_at: datetime | None
    version: int = Field(description="Send it back with changes (or as If-Match).")
    sla: list[SlaTargetOut] = Field(
        default_factory=list,
        description="Service-level clocks: first response, next response, resolution.",
    )


class TicketPageOut(Schema):
    count: int
    limit: int
    offset: int
    items: list[TicketOut]


class AttachmentOut(Schema):
    filename: str
    content_type: str
    size_bytes: int


class MessageOut(Schema):
    id: int
    public: bool
    from_customer: bool
    author: PersonOut | None
    body_html: str
    body_text: str
    channel: Channel
    created_at: datetime
    attachments: list[AttachmentOut]
    ticket_version: int = Field(description="The ticket's version after this message.")


class EventOut(Schema):
    kind: str
    actor: str | None = Field(description="Username, or null for tierdesk itself.")
    data: dict[str, object]
    created_at: datetime


class EscalationOut(Schema):
    from_level: str
    to_level: str
    reason: str
    summary: str
    actor: str | None
    created_at: datetime


class ClassifierOut(Schema):
    type: str | None = Field(description="The type the keyword classifier proposed.")
    team: str | None = Field(description="The team it proposed (slug).")
    confidence: float = Field(description="0–1; below the policy's threshold: left for triage.")


class RoutingOut(Schema):
    rule: str | None = Field(description="Name of the routing rule that matched, if any.")
    reasons: list[str] = Field(description="Why team, level, priority, type and assignee.")
    product: str | None
    required_skills: list[str]
    classifier: ClassifierOut | None
    needs_triage: bool = Field(description="The router was unsure; a person should triage.")


class TicketCreatedOut(TicketOut):
    routing: RoutingOut | None = Field(
        default=None,
        description="Why the router chose team, level, priority, type and assignee; "
        "null for customers.",
    )


class EscalationTargetOut(Schema):
    level: str = Field(description="A level above the ticket's, e.g. L3.")
    team: str = Field(description="The team suggested for that level (slug).")
    from_path: bool = Field(description="An escalation path says so; false: the ticket's team.")
    reason: str


class TicketDetailOut(TicketOut):
    messages: list[MessageOut] = Field(description="Customers see public messages only.")
    events: list[EventOut] | None = Field(description="The timeline; null for customers.")
    escalations: list[EscalationOut] | None = Field(description="Null for customers.")
    routing: RoutingOut | None = Field(
        default=None, description="The routing decision on arrival; null for customers."
    )
    escalation_targets: list[EscalationTargetOut] | None = Field(
        default=None,
        description="Where escalating would take the ticket, per level above; null for customers.",
    )
    customer_contact: str | None = Field(
        default=None,
        description="Username of the agent who talks to the customer while the ticket is at a "
        "level that does not (Third Level); null otherwise and for customers.",
    )
    time_spent_minutes: int | None = Field(
        default=None,
        description="Minutes agents recorded on this ticket in total; null for customers.",
    )


class MeOut(Schema):
    username: str
    email: str
    name: str
    role: str
    is_agent: bool
    level: str | None
    teams: list[str]
    organisation: OrganisationOut | None


class TeamOut(Schema):
    slug: str
    name: str
    name_en: str
    name_de: str
    is_active: bool


class LevelOut(Schema):
    code: str
    name: str
    rank: int
    holds_queue: bool
    talks_to_customers: bool


ErrorOut.model_rebuild()
