"""The OpenAPI document is served and documents every endpoint; no docs page loads from a CDN."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory, override_settings
from ninja import Swagger

from tierdesk.api.api import DOCS_URL

EXPECTED = {
    "/api/v1/tickets": {"get", "post"},
    "/api/v1/tickets/{number}": {"get", "patch"},
    "/api/v1/tickets/{number}/messages": {"post"},
    "/api/v1/tickets/{number}/escalate": {"post"},
    "/api/v1/tickets/{number}/de-escalate": {"post"},
    "/api/v1/me": {"get"},
    "/api/v1/teams": {"get"},
    "/api/v1/levels": {"get"},
}


def test_openapi_lists_every_path(db: Any, client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert {path: set(ops) for path, ops in document["paths"].items()} == EXPECTED
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["summary"], (path, method)
            assert "401" in operation["responses"], (path, method)
            assert operation["security"] == [{"BearerTokenAuth": []}]
    schemes = document["components"]["securitySchemes"]
    assert schemes["BearerTokenAuth"] == {"type": "http", "scheme": "bearer"}
    create = document["components"]["schemas"]["TicketCreateIn"]["properties"]
    assert {"subject", "body", "customer_email", "channel", "team", "priority", "type"} <= set(
        create
    )


def test_docs_page_never_loads_from_a_cdn(db: Any, client: Client) -> None:
    response = client.get("/api/v1/docs")
    if DOCS_URL is None:
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert "cdn" not in response.content.decode().lower()


def test_ninja_serves_swagger_locally_once_installed(db: Any, rf: RequestFactory) -> None:
    """Why the docs page depends on ``"ninja"`` being an installed app: then it is offline."""
    from tierdesk.api.api import api

    request = rf.get("/api/v1/docs")
    request.user = AnonymousUser()
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, "ninja"]):
        page = Swagger().render_page(request, api).content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    without = Swagger().render_page(request, api).content.decode()
    assert "cdn" in without.lower()  # the fallback that the product must not use
