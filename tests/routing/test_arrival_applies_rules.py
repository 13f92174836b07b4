"""ticket_create applies the rule: team, level, priority, type, tags, skills — on the timeline."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.customers.models import Organisation
from tierdesk.routing.models import (
    CustomerTier,
    LoyaltyTier,
    Product,
    RoutingRule,
    TicketRouting,
)
from tierdesk.teams.models import Level, Skill, Team
from tierdesk.tickets.models import EventKind, Priority
from tierdesk.tickets.services import ticket_create

pytestmark = pytest.mark.django_db


def _rule(**fields: object) -> RoutingRule:
    skills = fields.pop("skills", ())
    rule = RoutingRule.objects.create(name=fields.pop("name", "Regel"), **fields)  # type: ignore[arg-type]
    for code in skills:  # type: ignore[attr-defined]
        rule.required_skills.add(Skill.objects.get_or_create(code=code, defaults={"name": code})[0])
    return rule


def test_all_actions_land_on_the_ticket_and_the_routed_event() -> None:
    _rule(
        name="Schlösser",
        keywords="Türschloss",
        set_team=Team.objects.get(slug="support"),
        set_level=Level.objects.get(code="L2"),
        set_priority=Priority.URGENT,
        set_type="incident",
        set_tags="Schloss, dringend",
        skills=["technical-diagnosis"],
        min_proficiency=4,
    )
    customer = factories.customer()
    ticket = factories.ticket(customer, subject="Türschloss klemmt", body="Geht nicht auf.")
    assert (ticket.team.slug, ticket.level.code) == ("support", "L2")
    assert (ticket.priority, ticket.type) == (Priority.URGENT, "incident")
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["dringend", "schloss"]
    reasons = ticket.events.get(kind=EventKind.ROUTED).data["reasons"]
    assert reasons[0].endswith("(Schlösser)")
    assert "tags: dringend, schloss" in reasons
    assert "required skills: technical-diagnosis" in reasons
    stored = TicketRouting.objects.get(ticket=ticket)
    assert (stored.rule_name, stored.min_proficiency) == ("Schlösser", 4)


def test_language_and_channel_conditions_use_the_ticket_facts() -> None:
    _rule(name="Englisch am Telefon", language="en", channel="phone", set_tags="english-phone")
    german = factories.ticket(factories.customer(), channel="phone")
    english = factories.ticket(factories.customer(language="en"), channel="phone")
    assert not german.tags.exists()
    assert list(english.tags.values_list("name", flat=True)) == ["english-phone"]


def test_customer_and_organisation_conditions() -> None:
    organisation = Organisation.objects.create(name="Stadtwerke Nord")
    member = factories.customer(organisation=organisation)
    special = factories.customer()
    _rule(name="Stadtwerke", organisation=organisation, set_tags="stadtwerke", position=1)
    _rule(name="Sonderkunde", customer=special, set_tags="sonderkunde", position=2)
    assert list(factories.ticket(member).tags.values_list("name", flat=True)) == ["stadtwerke"]
    assert list(factories.ticket(special).tags.values_list("name", flat=True)) == ["sonderkunde"]
    assert not factories.ticket(factories.customer()).tags.exists()


def test_loyalty_tier_condition_takes_the_better_of_person_and_organisation() -> None:
    organisation = Organisation.objects.create(name="Gold GmbH")
    CustomerTier.objects.create(organisation=organisation, loyalty_tier=LoyaltyTier.GOLD)
    _rule(name="Gold+", min_loyalty_tier=LoyaltyTier.GOLD, set_priority=Priority.HIGH)
    gold = factories.ticket(factories.customer(organisation=organisation))
    plain = factories.ticket(factories.customer())
    assert (gold.priority, plain.priority) == (Priority.HIGH, Priority.NORMAL)


def test_product_condition_and_product_tag() -> None:
    skill = Skill.objects.create(code="locks", name="Schlösser")
    Product.objects.create(
        code="schloss-s1", name="Türschloss S1", keywords="S1, Türschloss", skill=skill
    )
    _rule(name="S1", product=Product.objects.get(), set_level=Level.objects.get(code="L2"))
    ticket = factories.ticket(factories.customer(), subject="Mein S1 piept", body="Hilfe")
    assert ticket.level.code == "L2"
    assert "schloss-s1" in ticket.tags.values_list("name", flat=True)
    assert TicketRouting.objects.get(ticket=ticket).required_skills == ["locks"]


def test_mailbox_or_form_condition() -> None:
    _rule(name="Kontaktformular", source="contact-form", set_tags="formular")
    from_form = ticket_create(
        requester=factories.customer(), subject="Hallo", body="Text", source="contact-form"
    )
    by_mail = ticket_create(requester=factories.customer(), subject="Hallo", body="Text")
    assert "formular" in from_form.tags.values_list("name", flat=True)
    assert "formular" not in by_mail.tags.values_list("name", flat=True)


def test_first_matching_rule_by_position_wins() -> None:
    _rule(name="später", position=20, keywords="Rechnung", set_tags="zwei")
    _rule(name="zuerst", position=10, keywords="Rechnung", set_tags="eins")
    ticket = factories.ticket(factories.customer(), subject="Rechnung", body="falsch")
    assert ticket.events.get(kind=EventKind.ROUTED).data["reasons"][0].endswith("(zuerst)")


def test_explicit_team_of_the_caller_wins_over_the_rule() -> None:
    _rule(name="Retouren", keywords="Retoure", set_team=Team.objects.get(slug="returns"))
    ticket = factories.ticket(
        factories.customer(), subject="Retoure", team=Team.objects.get(slug="sales")
    )
    assert ticket.team.slug == "sales"
