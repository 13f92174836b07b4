"""customer_get_or_create_by_email: one account per address, unique usernames, organisations."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tierdesk.accounts.models import Role, User
from tierdesk.customers.models import Organisation
from tierdesk.customers.services import customer_get_or_create_by_email


@pytest.mark.django_db
def test_creates_customer_in_matching_organisation() -> None:
    Organisation.objects.create(name="Other", email_domain="other.example")
    acme = Organisation.objects.create(name="ACME", email_domain="ACME.example")
    customer = customer_get_or_create_by_email(email="  Dora.Berg+shop@acme.example ")
    assert customer.email == "Dora.Berg+shop@acme.example"
    assert customer.username == "dora.berg+shop@acme.example"
    assert customer.role == Role.CUSTOMER
    assert not customer.has_usable_password()
    assert customer.organisation == acme
    assert customer_get_or_create_by_email(email="DORA.berg+shop@ACME.example") == customer
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_username_is_made_unique() -> None:
    User.objects.create_user(username="eva@example.com", email="someone-else@example.com")
    customer = customer_get_or_create_by_email(email="eva@example.com")
    assert customer.username == "eva@example.com-2"
    assert customer.organisation is None


@pytest.mark.django_db
def test_invalid_addresses_are_refused() -> None:
    for email in ("", "no-at-sign", "a@b@c", "x@" + "a" * 250 + ".com"):
        with pytest.raises(ValidationError):
            customer_get_or_create_by_email(email=email)
    assert not User.objects.exists()
