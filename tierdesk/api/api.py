"""The REST API under ``/api/v1/``: token auth, JSON errors, OpenAPI at ``openapi.json``.

The interactive docs page (Swagger UI) must work offline. django-ninja serves
its own copy of Swagger UI only when ``"ninja"`` is an installed app; otherwise
it would load it from a CDN, so the page is switched off and only the OpenAPI
document is served.
"""

from __future__ import annotations

from django.conf import settings
from ninja import NinjaAPI

from tierdesk.api import directory, tickets
from tierdesk.api.auth import BearerTokenAuth
from tierdesk.api.errors import register_error_handlers
from tierdesk.channels.api import router as webhooks_router
from tierdesk.customers.api import router as customers_router
from tierdesk.knowledge.api import router as kb_router

DOCS_URL = "/docs" if "ninja" in settings.INSTALLED_APPS else None

api = NinjaAPI(
    title="tierdesk API",
    version="1",
    description="Tickets of a tiered service desk. Authenticate with "
    "'Authorization: Bearer <token>' (made by 'tierdesk create_api_token USERNAME'). "
    'Errors are JSON: {"detail": "<message>"}.',
    urls_namespace="api",
    auth=BearerTokenAuth(),
    docs_url=DOCS_URL,
)
register_error_handlers(api)
api.add_router("", tickets.router)
api.add_router("", directory.router)
api.add_router("/kb", kb_router)
api.add_router("", customers_router)
api.add_router("/webhooks", webhooks_router)
