"""Login sets the UI to the user's language; the switch changes it and remembers it."""

from __future__ import annotations

from django.test import Client

from tests import factories
from tierdesk.accounts.models import User


def test_login_uses_language_and_switch_remembers_it(department: factories.Department) -> None:
    english = factories.customer("emma", language="en")
    client = Client()
    response = client.post("/accounts/login/", {"username": "emma", "password": factories.PASSWORD})
    assert response.status_code == 302
    assert '<html lang="en">' in client.get("/portal/").content.decode()

    response = client.post("/portal/language/", {"language": "de", "next": "/portal/"})
    assert response.status_code == 302
    assert '<html lang="de">' in client.get("/portal/").content.decode()
    english.refresh_from_db()
    assert english.language == "de"

    # An unknown language changes nothing.
    client.post("/portal/language/", {"language": "fr", "next": "/portal/"})
    assert User.objects.get(pk=english.pk).language == "de"
