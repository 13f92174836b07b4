"""The API's customers, organisations, teams and webhooks endpoints, by role."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests import factories
from tierdesk.accounts.tokens import api_token_create
from tierdesk.channels.models import WebhookDelivery, WebhookSubscription
from tierdesk.customers.models import Organisation

pytestmark = [pytest.mark.urls("tests.channels.urls"), pytest.mark.django_db]
BASE = "/api/channels-test"


def call(user, method: str, path: str, body: object = None):  # type: ignore[no-untyped-def]
    token = api_token_create(user=user).raw
    return Client().generic(
        method,
        BASE + path,
        data=json.dumps(body) if body is not None else b"",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_agents_read_customers_and_organisations(department) -> None:  # type: ignore[no-untyped-def]
    organisation = Organisation.objects.create(name="ACME", email_domain="acme.example")
    factories.customer("carla", organisation=organisation)
    listed = call(department.l1, "GET", "/customers?search=carla")
    assert listed.status_code == 200
    assert [item["email"] for item in listed.json()] == ["carla@example.com"]
    organisations = call(department.l1, "GET", "/organisations").json()
    assert organisations == [
        {
            "id": organisation.pk,
            "name": "ACME",
            "email_domain": "acme.example",
            "is_key_account": False,
            "account_manager": None,
            "members": 1,
        }
    ]
    team = call(department.l1, "GET", "/teams/support").json()
    assert {member["username"] for member in team["members"]} >= {"l1", "l2", "l3", "lead"}
    assert call(department.l1, "GET", "/teams/nope").status_code == 404


def test_customers_see_only_themselves(department) -> None:  # type: ignore[no-untyped-def]
    anna, bernd = department.customer_a, department.customer_b
    assert call(anna, "GET", "/customers").status_code == 403
    assert call(anna, "GET", f"/customers/{anna.pk}").json()["email"] == anna.email
    assert call(anna, "GET", f"/customers/{bernd.pk}").status_code == 404
    assert call(anna, "GET", "/organisations").status_code == 403


def test_agent_creates_customer_once(department) -> None:  # type: ignore[no-untyped-def]
    first = call(department.l1, "POST", "/customers", {"email": "neu@example.com"})
    second = call(department.l1, "POST", "/customers", {"email": "neu@example.com"})
    assert first.status_code == second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    assert call(department.l1, "POST", "/customers", {"email": "kaputt"}).status_code == 422


def test_manager_manages_webhooks_and_reads_the_log(department) -> None:  # type: ignore[no-untyped-def]
    created = call(
        department.manager,
        "POST",
        "/webhooks",
        {"name": "CRM", "url": "https://crm.example/hook", "events": ["ticket.created"]},
    )
    assert created.status_code == 201, created.content
    webhook = created.json()
    assert len(webhook["secret"]) > 20
    assert call(department.l1, "GET", "/webhooks").status_code == 403
    bad = call(
        department.manager,
        "POST",
        "/webhooks",
        {"name": "x", "url": "ftp://x", "events": ["ticket.created"]},
    )
    assert bad.status_code == 422
    unknown = call(
        department.manager,
        "POST",
        "/webhooks",
        {"name": "x", "url": "https://x.example", "events": ["ticket.deleted"]},
    )
    assert unknown.status_code == 422
    patched = call(department.manager, "PATCH", f"/webhooks/{webhook['id']}", {"is_active": False})
    assert patched.json()["is_active"] is False

    subscription = WebhookSubscription.objects.get()
    delivery = WebhookDelivery.objects.create(
        subscription=subscription,
        event="ticket.created",
        payload={"x": 1},
        state="failed",
        error="HTTP 500",
    )
    log = call(department.manager, "GET", f"/webhooks/{webhook['id']}/deliveries").json()
    assert [(item["id"], item["state"], item["error"]) for item in log] == [
        (delivery.pk, "failed", "HTTP 500")
    ]
    again = call(
        department.manager, "POST", f"/webhooks/{webhook['id']}/deliveries/{delivery.pk}/redeliver"
    )
    assert again.status_code == 202 and again.json()["state"] == "pending"
    assert call(department.manager, "DELETE", f"/webhooks/{webhook['id']}").status_code == 204
    assert call(department.manager, "GET", f"/webhooks/{webhook['id']}").status_code == 404
