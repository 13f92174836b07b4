"""REST endpoints for customers, organisations and teams (a django-ninja ``Router``).

Mounted by the API: ``api.add_router("", tierdesk.customers.api.router)``.
Agents see every customer and organisation; a customer sees only themself.
"""

from __future__ import annotations

from typing import Annotated

from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Field, Path, Query, Router, Schema
from pydantic import AfterValidator, ConfigDict

from tierdesk.accounts.models import Role, User
from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.customers.models import Organisation
from tierdesk.customers.services import customer_get_or_create_by_email
from tierdesk.teams.models import Team
from tierdesk.tickets.errors import NotAllowed

router = Router(tags=["customers"])


# The domain does not import the API package (import-linter): the few shared
# pieces are repeated here. Authentication and error handling come from the API
# this router is mounted on.
def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text") from None
    return value


Text = Annotated[str, AfterValidator(_storable)]


class InputSchema(Schema):
    model_config = ConfigDict(extra="forbid")


class DirectoryErrorOut(Schema):
    detail: str


ErrorOut = DirectoryErrorOut


def request_user(request: HttpRequest) -> User:
    user = getattr(request, "auth", None)
    if not isinstance(user, User):
        raise NotAllowed("Authentication required.")
    return user


PAGE_SIZE_MAX = 200
ObjectId = Annotated[int, Path(ge=1, le=2**63 - 1)]
TeamSlug = Annotated[str, Path(max_length=40)]


class OrganisationDetailOut(Schema):
    id: int
    name: str
    email_domain: str
    is_key_account: bool
    account_manager: str | None
    members: int


class CustomerOut(Schema):
    id: int
    username: str
    email: str
    name: str
    language: str
    organisation_id: int | None
    organisation: str | None


class CustomerIn(InputSchema):
    email: Text = Field(max_length=254)


class MemberOut(Schema):
    username: str
    name: str
    is_lead: bool
    level: str | None


class TeamDetailOut(Schema):
    slug: str
    name: str
    name_en: str
    name_de: str
    description: str
    email: str
    is_active: bool
    members: list[MemberOut]


class CustomerFilter(Schema):
    search: Text | None = Field(default=None, max_length=200)
    organisation_id: int | None = Field(default=None, ge=1, le=2**63 - 1)
    limit: int = Field(default=50, ge=1, le=PAGE_SIZE_MAX)
    offset: int = Field(default=0, ge=0, le=10**9)


def _staff(request: HttpRequest) -> User:
    user = request_user(request)
    if not is_desk_staff(user):
        raise NotAllowed("Only agents can read the customer directory.")
    return user


def _customer_out(user: User) -> CustomerOut:
    return CustomerOut(
        id=user.pk,
        username=user.username,
        email=user.email,
        name=user.display_name,
        language=user.language,
        organisation_id=user.organisation_id,
        organisation=user.organisation.name if user.organisation else None,
    )


@router.get(
    "/customers",
    response={200: list[CustomerOut], 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Customers (agents only)",
)
def list_customers(request: HttpRequest, filters: Query[CustomerFilter]) -> list[CustomerOut]:
    _staff(request)
    customers = User.objects.filter(role=Role.CUSTOMER).select_related("organisation")
    if filters.search:
        customers = customers.filter(
            Q(email__icontains=filters.search)
            | Q(username__icontains=filters.search)
            | Q(first_name__icontains=filters.search)
            | Q(last_name__icontains=filters.search)
        )
    if filters.organisation_id is not None:
        customers = customers.filter(organisation_id=filters.organisation_id)
    page = customers.order_by("pk")[filters.offset : filters.offset + filters.limit]
    return [_customer_out(user) for user in page]


@router.post(
    "/customers",
    response={200: CustomerOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Find or create a customer by email address (agents only)",
)
def create_customer(request: HttpRequest, payload: CustomerIn) -> CustomerOut:
    _staff(request)
    return _customer_out(customer_get_or_create_by_email(email=payload.email))


@router.get(
    "/customers/{customer_id}",
    response={200: CustomerOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="One customer (agents; a customer may read only themself)",
)
def get_customer(request: HttpRequest, customer_id: ObjectId) -> CustomerOut:
    user = request_user(request)
    if not is_desk_staff(user) and user.pk != customer_id:
        raise Http404("No such customer.")
    customer = (
        User.objects.select_related("organisation")
        .filter(pk=customer_id, role=Role.CUSTOMER)
        .first()
    )
    if customer is None:
        raise Http404("No such customer.")
    return _customer_out(customer)


def _organisation_out(organisation: Organisation, members: int) -> OrganisationDetailOut:
    manager = organisation.account_manager
    return OrganisationDetailOut(
        id=organisation.pk,
        name=organisation.name,
        email_domain=organisation.email_domain,
        is_key_account=organisation.is_key_account,
        account_manager=manager.username if manager else None,
        members=members,
    )


@router.get(
    "/organisations",
    response={200: list[OrganisationDetailOut], 401: ErrorOut, 403: ErrorOut},
    summary="Organisations (agents only)",
)
def list_organisations(request: HttpRequest) -> list[OrganisationDetailOut]:
    from django.db.models import Count

    _staff(request)
    organisations = Organisation.objects.select_related("account_manager").annotate(
        member_count=Count("members")
    )
    return [
        _organisation_out(organisation, organisation.member_count)
        for organisation in organisations.order_by("name")
    ]


@router.get(
    "/organisations/{organisation_id}",
    response={
        200: OrganisationDetailOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        422: ErrorOut,
    },
    summary="One organisation (agents only)",
)
def get_organisation(request: HttpRequest, organisation_id: ObjectId) -> OrganisationDetailOut:
    _staff(request)
    organisation = (
        Organisation.objects.select_related("account_manager").filter(pk=organisation_id).first()
    )
    if organisation is None:
        raise Http404("No such organisation.")
    return _organisation_out(organisation, organisation.members.count())


@router.get(
    "/teams/{slug}",
    response={200: TeamDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="One team with its members (agents only)",
)
def get_team(request: HttpRequest, slug: TeamSlug) -> TeamDetailOut:
    _staff(request)
    team = Team.objects.filter(slug=slug).first()
    if team is None:
        raise Http404("No such team.")
    memberships = team.memberships.select_related("user", "user__agent_profile__level").order_by(
        "user__username"
    )
    return TeamDetailOut(
        slug=team.slug,
        name=team.localized_name,
        name_en=team.name_en,
        name_de=team.name_de,
        description=team.description,
        email=team.email,
        is_active=team.is_active,
        members=[
            MemberOut(
                username=membership.user.username,
                name=membership.user.display_name,
                is_lead=membership.is_lead,
                level=_level_code(membership.user),
            )
            for membership in memberships
        ],
    )


def _level_code(user: User) -> str | None:
    profile = getattr(user, "agent_profile", None)
    return profile.level.code if profile is not None else None
