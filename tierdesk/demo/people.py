"""The demo department's people: agents, leads, manager, admin, customers, organisations.

Everything is bulk-inserted with one password hash for the shared demo password,
so ~250 users take well under a second instead of one PBKDF2 run each.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from django.contrib.auth.hashers import make_password

from tierdesk.accounts.models import Role, User
from tierdesk.customers.models import Organisation
from tierdesk.demo import names
from tierdesk.demo.catalogue import PRODUCTS, STAFF_MAIL_DOMAIN
from tierdesk.routing.models import EscalationPath, Product, RoutingRule, TeamMode, TeamRouting
from tierdesk.teams.models import AgentProfile, Level, Skill, Team, TeamMembership
from tierdesk.tickets.models import Priority, TicketType

DEMO_PASSWORD = "demo"
CUSTOMER_COUNT = 200

# code, name, essential (must be brought by a new hire) or trainable
SKILLS = (
    ("german", "Deutsch (Muttersprache / C2)", True),
    ("english", "Englisch (B2+)", True),
    ("empathy", "Kundenorientierung und Deeskalation", True),
    ("writing", "Schriftliche Ausdrucksfähigkeit", True),
    ("product-knowledge", "Produktwissen Heimwacht", False),
    ("technical-diagnosis", "Technische Fehlerdiagnose", False),
    ("networking", "Netzwerktechnik (WLAN, Router)", False),
    ("returns-law", "Gewährleistungs- und Widerrufsrecht", False),
    ("negotiation", "Verhandlungsführung", False),
    ("billing", "Abrechnung und Zahlungen", False),
)
TEAM_SKILLS = {
    "support": ("product-knowledge", "technical-diagnosis", "networking"),
    "returns": ("returns-law", "product-knowledge"),
    "complaints": ("empathy", "returns-law"),
    "sales": ("negotiation", "product-knowledge"),
    "account_management": ("negotiation", "product-knowledge", "billing"),
    "loyalty": ("billing", "negotiation", "empathy"),
}
# team -> agents per level (the lead comes on top, at L2)
STAFFING = {
    "support": {"L1": 8, "L2": 4, "L3": 2},
    "returns": {"L1": 3, "L2": 2},
    "complaints": {"L1": 2, "L2": 2},
    "sales": {"L1": 2, "L2": 2},
    "account_management": {"L1": 2, "L2": 4},
    "loyalty": {"L1": 2, "L2": 1},
}
MAX_OPEN = {"L1": 30, "L2": 20, "L3": 12}

# username, first name, last name, role, team, level (None: no agent profile)
NAMED_LOGINS = (
    ("demo-manager", "Martina", "Vogt", Role.SERVICE_MANAGER, None, None),
    ("demo-admin", "Admin", "Heimwacht", Role.ADMIN, None, None),
    ("demo-l1", "Lena", "Hoffmann", Role.AGENT, "support", "L1"),
    ("demo-l2", "Jonas", "Weber", Role.AGENT, "support", "L2"),
    ("demo-l3", "Katrin", "Albrecht", Role.AGENT, "support", "L3"),
    ("demo-customer", "Anna", "Schmidt", Role.CUSTOMER, None, None),
)
LEAD_NAMES = {
    "support": ("Stefan", "Krüger"),
    "returns": ("Sabine", "Lorenz"),
    "complaints": ("Markus", "Brandt"),
    "sales": ("Claudia", "Hartmann"),
    "account_management": ("Andreas", "König"),
    "loyalty": ("Nicole", "Franke"),
}

# position, name, keywords, team, type, priority
ROUTING_RULES = (
    (10, "Kündigungen → Kundentreue", "Kündigung, kündigen, cancel", "loyalty",
     TicketType.CANCELLATION, Priority.HIGH),
    (20, "Beschwerden → Beschwerdemanagement", "Beschwerde, Reklamation, complaint, unzufrieden",
     "complaints", TicketType.COMPLAINT, None),
    (30, "Rücksendungen und Garantie → Rückgabe und Garantie",
     "Rücksendung, Retoure, Umtausch, return, Gewährleistung, Garantie, warranty", "returns",
     TicketType.RETURN, None),
    (40, "Angebote → Vertrieb", "Angebot, Preis, quote, Lizenz kaufen", "sales",
     TicketType.SALES_INQUIRY, None),
    (50, "Treueprogramm → Kundentreue", "Prämie, Punkte, Treue, loyalty points, reward",
     "loyalty", "", None),
)  # fmt: skip


# Names and model numbers by which the router recognises a product in a request.
PRODUCT_KEYWORDS = {
    "thermostat-t3": "T3, Raumthermostat, room thermostat",
    "hk2": "HK2, Heizkörperthermostat, radiator thermostat",
    "bridge-b1": "B1, Bridge, Zentrale, hub",
    "schloss-s1": "S1, Türschloss, door lock, smart lock",
    "kamera-c4": "C4, Außenkamera, outdoor camera",
    "kamera-c2": "C2, Innenkamera, indoor camera",
    "rauchmelder-r1": "R1, Rauchmelder, smoke detector",
    "stecker-p1": "P1, Zwischenstecker, smart plug",
    "kontakt-f1": "F1, Fensterkontakt, window contact",
    "app": "Heimwacht App, Heimwacht-App, App-Version",
    "plus-abo": "Heimwacht Plus, Abo, subscription",
}
# Only Customer Support has a Third Level: every other team's technical riddles go
# to its engineers. Returns & Warranty hands out its tickets on arrival (push); the
# other teams pull them with "next best ticket".
THIRD_LEVEL_TEAM = "support"
PUSH_TEAMS = ("returns",)


@dataclass
class Cast:
    """Who is in the demo, with the lookups the history needs."""

    teams: dict[str, Team]
    levels: dict[str, Level]
    agents: dict[tuple[str, str], list[User]]
    leads: dict[str, User]
    customers: list[User]
    organisations: list[Organisation]
    account_manager_of: dict[int, User]
    logins: list[User] = field(default_factory=list)

    @property
    def agent_count(self) -> int:
        return sum(len(users) for users in self.agents.values()) + len(self.leads)


def planned_usernames() -> list[str]:
    return [login[0] for login in NAMED_LOGINS] + [f"demo-lead-{slug}" for slug in LEAD_NAMES]


def _staff_user(username: str, first: str, last: str, role: str, password: str) -> User:
    return User(
        username=username,
        first_name=first,
        last_name=last,
        email=f"{names.ascii_slug(first)}.{names.ascii_slug(last)}@{STAFF_MAIL_DOMAIN}",
        role=role,
        password=password,
        language="de",
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )


def _skills() -> dict[str, Skill]:
    skills = {}
    for code, name, essential in SKILLS:
        skills[code], _created = Skill.objects.get_or_create(
            code=code, defaults={"name": name, "essential": essential}
        )
    return skills


def create_people(rng: np.random.Generator) -> Cast:
    """Create staff, organisations, customers and routing rules; return the cast."""
    password = make_password(DEMO_PASSWORD)
    teams = {team.slug: team for team in Team.objects.all()}
    levels = {level.code: level for level in Level.objects.all()}
    skills = _skills()

    # Staff: named logins first, then leads, then the other agents.
    staff: list[tuple[User, str | None, str | None, bool]] = []
    used = set(planned_usernames())
    for username, first, last, role, team, level in NAMED_LOGINS:
        if role == Role.CUSTOMER:
            continue
        staff.append((_staff_user(username, first, last, role, password), team, level, False))
    for slug, (first, last) in LEAD_NAMES.items():
        lead = _staff_user(f"demo-lead-{slug}", first, last, Role.TEAM_LEAD, password)
        staff.append((lead, slug, "L2", True))
    taken = {(user.first_name, user.last_name) for user, *_ in staff}
    for slug, per_level in STAFFING.items():
        for level, count in per_level.items():
            already = sum(
                1 for _u, team, lvl, lead in staff if team == slug and lvl == level and not lead
            )
            for _ in range(count - already):
                first, last = _new_name(rng, taken)
                username = _unique(f"{names.ascii_slug(first)}.{names.ascii_slug(last)}", used)
                user = _staff_user(username, first, last, Role.AGENT, password)
                staff.append((user, slug, level, False))
    User.objects.bulk_create([user for user, *_ in staff])

    profiles, memberships = [], []
    agents: dict[tuple[str, str], list[User]] = defaultdict(list)
    leads: dict[str, User] = {}
    for user, team, level, is_lead in staff:
        if team is None or level is None:
            continue
        languages = ["de", "en"] if rng.random() < 0.6 or level == "L3" else ["de"]
        profiles.append(
            AgentProfile(
                user=user,
                level=levels[level],
                languages=languages,
                max_open_tickets=10 if is_lead else MAX_OPEN[level],
            )
        )
        memberships.append(TeamMembership(team=teams[team], user=user, is_lead=is_lead))
        if is_lead:
            leads[team] = user
        else:
            agents[(team, level)].append(user)
    AgentProfile.objects.bulk_create(profiles)
    TeamMembership.objects.bulk_create(memberships)
    _give_skills(profiles, memberships, skills)

    organisations, account_manager_of = _organisations(rng, agents)
    customers = _customers(rng, organisations, password, used)
    _routing_rules(teams)
    _routing_setup(teams, levels)
    logins = [user for user, *_ in staff] + [c for c in customers if c.username == "demo-customer"]
    return Cast(
        teams=teams,
        levels=levels,
        agents=dict(agents),
        leads=leads,
        customers=customers,
        organisations=organisations,
        account_manager_of=account_manager_of,
        logins=logins,
    )


def _new_name(rng: np.random.Generator, taken: set[tuple[str, str]]) -> tuple[str, str]:
    while True:
        pool = names.GERMAN_FIRST_NAMES_FEMALE + names.GERMAN_FIRST_NAMES_MALE
        first = pool[int(rng.integers(len(pool)))]
        last = names.GERMAN_LAST_NAMES[int(rng.integers(len(names.GERMAN_LAST_NAMES)))]
        if (first, last) not in taken:
            taken.add((first, last))
            return first, last


def _unique(candidate: str, used: set[str]) -> str:
    name, suffix = candidate, 2
    while name in used:
        name, suffix = f"{candidate}{suffix}", suffix + 1
    used.add(name)
    return name


def _unique_email(local: str, domain: str, taken: set[str]) -> str:
    email, suffix = f"{local}@{domain}", 2
    while email in taken:
        email, suffix = f"{local}{suffix}@{domain}", suffix + 1
    taken.add(email)
    return email


def _give_skills(
    profiles: list[AgentProfile], memberships: list[TeamMembership], skills: dict[str, Skill]
) -> None:
    through = AgentProfile.skills.through
    rows = []
    for profile, membership in zip(profiles, memberships, strict=True):
        codes = {"german", "writing", "empathy", *TEAM_SKILLS[membership.team.slug]}
        if "en" in profile.languages:
            codes.add("english")
        if profile.level.code in ("L2", "L3"):
            codes.add("technical-diagnosis" if membership.team.slug == "support" else "billing")
        rows += [through(agentprofile_id=profile.pk, skill_id=skills[c].pk) for c in codes]
    through.objects.bulk_create(rows)


def _organisations(
    rng: np.random.Generator, agents: dict[tuple[str, str], list[User]]
) -> tuple[list[Organisation], dict[int, User]]:
    managers = agents[("account_management", "L2")]
    organisations = []
    for index, (name, domain, key) in enumerate(names.ORGANISATIONS):
        revenue = rng.uniform(400_000, 2_500_000) if key else rng.uniform(3_000, 150_000)
        organisations.append(
            Organisation(
                name=name,
                email_domain=domain,
                is_key_account=key,
                account_manager=managers[index % len(managers)] if key else None,
                annual_revenue_eur=Decimal(round(revenue, -2)).quantize(Decimal("0.01")),
            )
        )
    Organisation.objects.bulk_create(organisations)
    account_manager_of = {
        org.pk: org.account_manager for org in organisations if org.account_manager is not None
    }
    return organisations, account_manager_of


def _person(rng: np.random.Generator) -> tuple[str, str, str]:
    """A first name, last name and language: mostly German, some AT/CH, some English."""
    draw = rng.random()
    if draw < 0.12:
        first = names.ENGLISH_FIRST_NAMES[int(rng.integers(len(names.ENGLISH_FIRST_NAMES)))]
        last = names.ENGLISH_LAST_NAMES[int(rng.integers(len(names.ENGLISH_LAST_NAMES)))]
        return first, last, "en"
    pool = names.GERMAN_FIRST_NAMES_FEMALE + names.GERMAN_FIRST_NAMES_MALE
    first = pool[int(rng.integers(len(pool)))]
    if draw < 0.20:
        last = names.AUSTRIAN_LAST_NAMES[int(rng.integers(len(names.AUSTRIAN_LAST_NAMES)))]
    elif draw < 0.27:
        last = names.SWISS_LAST_NAMES[int(rng.integers(len(names.SWISS_LAST_NAMES)))]
    else:
        last = names.GERMAN_LAST_NAMES[int(rng.integers(len(names.GERMAN_LAST_NAMES)))]
    return first, last, "de"


def _customers(
    rng: np.random.Generator, organisations: list[Organisation], password: str, used: set[str]
) -> list[User]:
    """``demo-customer`` plus ~200 customers; key accounts have several contacts."""
    customers = [
        User(
            username="demo-customer",
            first_name="Anna",
            last_name="Schmidt",
            email="anna.schmidt@example.com",
            role=Role.CUSTOMER,
            language="de",
            password=password,
        )
    ]
    emails = {"anna.schmidt@example.com"}
    members: list[Organisation | None] = []
    for org in organisations:
        contacts = int(rng.integers(3, 6)) if org.is_key_account else int(rng.integers(1, 4))
        members += [org] * contacts
    members += [None] * max(0, CUSTOMER_COUNT - 1 - len(members))
    for organisation in members:
        first, last, language = _person(rng)
        local = f"{names.ascii_slug(first)}.{names.ascii_slug(last)}"
        if organisation is not None:
            domain = organisation.email_domain
        else:
            domain = names.PRIVATE_MAIL_DOMAINS[int(rng.integers(3))]
        email = _unique_email(local, domain, emails)
        used.add(email)
        customers.append(
            User(
                username=email,
                first_name=first,
                last_name=last,
                email=email,
                role=Role.CUSTOMER,
                language=language,
                organisation=organisation,
                password=password,
                phone=f"+49 30 {int(rng.integers(1000000, 9999999))}",
            )
        )
    User.objects.bulk_create(customers)
    return customers


def _routing_rules(teams: dict[str, Team]) -> None:
    RoutingRule.objects.bulk_create(
        RoutingRule(
            name=name,
            position=position,
            keywords=keywords,
            set_team=teams[team],
            set_type=ticket_type,
            set_priority=priority,
        )
        for position, name, keywords, team, ticket_type, priority in ROUTING_RULES
    )


def _routing_setup(teams: dict[str, Team], levels: dict[str, Level]) -> None:
    """Products the router recognises, the teams' escalation paths, push or pull."""
    Product.objects.bulk_create(
        (
            Product(code=product.tag, name=product.name, keywords=PRODUCT_KEYWORDS[product.tag])
            for product in PRODUCTS
        ),
        ignore_conflicts=True,  # an admin may have entered some already
    )
    EscalationPath.objects.bulk_create(
        (
            EscalationPath(team=team, level=levels["L3"], target_team=teams[THIRD_LEVEL_TEAM])
            for slug, team in teams.items()
            if slug in STAFFING and "L3" not in STAFFING[slug]
        ),
        ignore_conflicts=True,
    )
    for slug in PUSH_TEAMS:
        TeamRouting.objects.update_or_create(team=teams[slug], defaults={"mode": TeamMode.PUSH})
