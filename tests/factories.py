"""Builders of test data: people and tickets made the way the product makes them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from tierdesk.accounts.models import Role, User
from tierdesk.customers.models import Organisation
from tierdesk.teams.models import AgentProfile, Level, Team, TeamMembership
from tierdesk.tickets.models import Ticket
from tierdesk.tickets.services import ticket_create

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery"


def customer(
    username: str | None = None,
    *,
    organisation: Organisation | None = None,
    language: str = "de",
) -> User:
    name = username or f"customer{next(_counter)}"
    return User.objects.create_user(
        username=name,
        email=f"{name}@example.com",
        password=PASSWORD,
        role=Role.CUSTOMER,
        organisation=organisation,
        language=language,
        first_name=name.capitalize(),
    )


def agent(
    username: str | None = None,
    *,
    level: str = "L1",
    team: str = "support",
    role: str = Role.AGENT,
    is_lead: bool = False,
) -> User:
    name = username or f"agent{next(_counter)}"
    user = User.objects.create_user(
        username=name,
        email=f"{name}@tierdesk.localhost",
        password=PASSWORD,
        role=role,
        first_name=name.capitalize(),
    )
    AgentProfile.objects.create(
        user=user, level=Level.objects.get(code=level), languages=["de", "en"]
    )
    TeamMembership.objects.create(user=user, team=Team.objects.get(slug=team), is_lead=is_lead)
    return user


def manager(username: str = "manager") -> User:
    return User.objects.create_user(
        username=username,
        email=f"{username}@tierdesk.localhost",
        password=PASSWORD,
        role=Role.SERVICE_MANAGER,
    )


def ticket(requester: User, subject: str = "Drucker druckt nicht", **kwargs: object) -> Ticket:
    body = str(kwargs.pop("body", "Seit dem Update druckt der Drucker nur leere Seiten."))
    return ticket_create(requester=requester, subject=subject, body=body, **kwargs)  # type: ignore[arg-type]


@dataclass
class Department:
    l1: User
    l2: User
    l3: User
    lead: User
    manager: User
    customer_a: User
    customer_b: User

    @classmethod
    def build(cls) -> Department:
        return cls(
            l1=agent("l1", level="L1"),
            l2=agent("l2", level="L2"),
            l3=agent("l3", level="L3"),
            lead=agent("lead", level="L2", role=Role.TEAM_LEAD, is_lead=True),
            manager=manager(),
            customer_a=customer("anna"),
            customer_b=customer("bernd"),
        )
