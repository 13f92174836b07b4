"""Escalation paths suggest the team that is L2/L3 for a ticket's team (and product)."""

from __future__ import annotations

import pytest

from tests import factories
from tierdesk.routing.models import EscalationPath, Product
from tierdesk.routing.selectors import escalation_target_for
from tierdesk.teams.models import Level, Team

pytestmark = pytest.mark.django_db


def test_product_path_wins_over_the_team_path() -> None:
    support = Team.objects.get(slug="support")
    engineering = Team.objects.create(
        slug="engineering-locks", name_en="Locks", name_de="Schlösser"
    )
    lock = Product.objects.create(code="schloss-s1", name="Schloss", keywords="Türschloss")
    l3 = Level.objects.get(code="L3")
    EscalationPath.objects.create(team=support, level=l3, target_team=support)
    EscalationPath.objects.create(team=support, level=l3, product=lock, target_team=engineering)
    about_lock = factories.ticket(factories.customer(), subject="Türschloss klemmt")
    other = factories.ticket(factories.customer(), subject="App langsam")
    assert escalation_target_for(about_lock, "L3") == engineering
    assert escalation_target_for(other, "L3") == support
    assert escalation_target_for(other, "L2") is None
