"""The OpenAPI document is served and documents every endpoint; no docs page loads from a CDN."""

from __future__ import annotations

from typing import Any

from django.test import Client

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
    served = {path: set(ops) for path, ops in document["paths"].items()}
    assert {path: served.get(path) for path in EXPECTED} == EXPECTED
    assert "/api/v1/kb/search" in served
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["summary"], (path, method)
            assert "401" in operation["responses"], (path, method)
            # Help-center search is public; a token, if sent, must be valid.
            scheme = "TokenOrVisitor" if path == "/api/v1/kb/search" else "BearerTokenAuth"
            assert operation["security"] == [{scheme: []}], (path, method)
    schemes = document["components"]["securitySchemes"]
    assert schemes["BearerTokenAuth"] == {"type": "http", "scheme": "bearer"}
    create = document["components"]["schemas"]["TicketCreateIn"]["properties"]
    assert {"subject", "body", "customer_email", "channel", "team", "priority", "type"} <= set(
        create
    )


def test_docs_page_is_served_from_our_own_static_files(db: Any, client: Client) -> None:
    assert DOCS_URL is not None
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "cdn" not in page.lower()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    bundle = client.get("/static/ninja/swagger-ui-bundle.js")
    assert bundle.status_code == 200
