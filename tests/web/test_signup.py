"""Signing up creates a customer, logs them in and sets their language."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from tests import factories
from tierdesk.accounts.models import Role, User
from tierdesk.customers.models import Organisation


def test_sign_up_creates_customer_and_logs_in(db: None) -> None:
    organisation = Organisation.objects.create(name="Beispiel GmbH", email_domain="beispiel.de")
    client = Client()
    response = client.post(
        "/portal/signup/",
        {
            "name": "Jürgen Weiß",
            "email": "Juergen@Beispiel.de",
            "password": "lange-sichere-Passphrase-7",
            "language": "en",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="juergen@beispiel.de")
    assert (user.role, user.language, user.first_name, user.last_name) == (
        Role.CUSTOMER,
        "en",
        "Jürgen",
        "Weiß",
    )
    assert user.organisation == organisation
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/portal/")
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()
    # The new customer can log in with the email address later.
    assert Client().login(username="juergen@beispiel.de", password="lange-sichere-Passphrase-7")


def test_known_address_and_weak_password_are_refused(db: None) -> None:
    factories.customer("anna")  # anna@example.com
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        "/portal/signup/",
        {
            "name": "Anna",
            "email": "ANNA@example.com",
            "password": "x-sicher-genug-42",
            "language": "de",
        },
    )
    assert response.status_code == 400
    assert "already an account with this email address" in response.content.decode()
    response = client.post(
        "/portal/signup/",
        {"name": "Neu", "email": "neu@example.com", "password": "123", "language": "de"},
    )
    assert response.status_code == 400
    assert "This password is too short" in response.content.decode()
    assert User.objects.filter(role=Role.CUSTOMER).count() == 1
