"""The admin names the sources a rule can match, previews mail of a mailbox as it would
be routed, and keeps an organisation's loyalty tier and VIP status with it."""

from __future__ import annotations

import pytest
from django.test import Client

from tierdesk.accounts.models import Role, User
from tierdesk.channels.models import Mailbox
from tierdesk.customers.models import Organisation
from tierdesk.routing.models import CustomerTier, EscalationPath, LoyaltyTier, RoutingRule
from tierdesk.teams.models import Level, Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    admin = User.objects.create_superuser("root", "root@example.com", "pw", role=Role.ADMIN)
    client.force_login(admin)
    return client


@pytest.fixture
def returns_mailbox() -> Mailbox:
    return Mailbox.objects.create(
        name="Retouren",
        addresses="retouren@heimwacht.example",
        team=Team.objects.get(slug="returns"),
    )


def test_rule_form_names_the_portal_the_contact_form_and_the_mailboxes(
    admin_client: Client, returns_mailbox: Mailbox
) -> None:
    page = admin_client.get("/admin/routing/routingrule/add/").content.decode()
    assert "“portal” for the customer portal" in page
    assert "“contact-form” for the contact form" in page
    assert "Retouren" in page


def test_preview_of_a_mailbox_uses_its_team(admin_client: Client, returns_mailbox: Mailbox) -> None:
    RoutingRule.objects.create(name="Andere Mailbox", source="Support", position=1)
    response = admin_client.post(
        "/admin/routing/routingrule/preview/",
        {"subject": "Hallo", "body": "Bitte melden", "channel": "email", "source": "retouren"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "fails on mailbox or form" in text
    assert "team of retouren: returns" in text


def test_organisation_keeps_its_loyalty_tier_and_vip_status(admin_client: Client) -> None:
    organisation = Organisation.objects.create(name="Großkunde AG", is_key_account=True)
    url = f"/admin/customers/organisation/{organisation.pk}/change/"
    assert "Loyalty tier" in admin_client.get(url).content.decode()
    response = admin_client.post(
        url,
        {
            "name": "Großkunde AG",
            "email_domain": "",
            "is_key_account": "on",
            "annual_revenue_eur": "0",
            "notes": "",
            "routing_tier-TOTAL_FORMS": "1",
            "routing_tier-INITIAL_FORMS": "0",
            "routing_tier-MIN_NUM_FORMS": "0",
            "routing_tier-MAX_NUM_FORMS": "1",
            "routing_tier-0-loyalty_tier": str(LoyaltyTier.GOLD),
            "routing_tier-0-is_vip": "on",
            "routing_tier-0-organisation": str(organisation.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    tier = CustomerTier.objects.get(organisation=organisation)
    assert (tier.loyalty_tier, tier.is_vip) == (LoyaltyTier.GOLD, True)
    listing = admin_client.get("/admin/customers/organisation/").content.decode()
    assert "Gold, VIP" in listing


def test_the_contact_form_names_itself_as_the_rule_form_says() -> None:
    from tierdesk.channels import contact
    from tierdesk.routing import admin

    assert contact.CONTACT_FORM_SOURCE == admin.CONTACT_FORM_SOURCE


def test_an_escalation_path_needs_a_level_one_can_escalate_to(admin_client: Client) -> None:
    support = Team.objects.get(slug="support")
    levels = {level.code: level.pk for level in Level.objects.all()}

    def add(level: str) -> str:
        response = admin_client.post(
            "/admin/routing/escalationpath/add/",
            {"team": support.pk, "level": levels[level], "target_team": support.pk},
        )
        return response.content.decode() if response.status_code == 200 else ""

    assert "Nobody escalates to First Level Support" in add("L1")
    assert "Nobody escalates to" in add("self_service")
    assert add("L3") == ""
    assert EscalationPath.objects.get().level.code == "L3"
