"""The project's URLs plus what the channels add, as the lead will mount them.

Until the lead adds ``contact/`` and the routers to the real URL configuration
and API, the channel tests use this one. The test API repeats the real API's
set-up (auth, error handlers) and mounts the real routers beside the new ones.
"""

from __future__ import annotations

from django.urls import include, path
from ninja import NinjaAPI

from tierdesk.api import directory, tickets
from tierdesk.api.auth import BearerTokenAuth
from tierdesk.api.errors import register_error_handlers
from tierdesk.channels.api import router as webhooks_router
from tierdesk.customers.api import router as customers_router
from tierdesk.urls import urlpatterns as project_urlpatterns

channels_api = NinjaAPI(
    title="tierdesk API (with channels)",
    version="1-channels-test",
    urls_namespace="api-channels-test",
    auth=BearerTokenAuth(),
    docs_url=None,
)
register_error_handlers(channels_api)
channels_api.add_router("", tickets.router)
channels_api.add_router("", directory.router)
channels_api.add_router("", customers_router)
channels_api.add_router("/webhooks", webhooks_router)

already_mounted = {str(pattern.pattern) for pattern in project_urlpatterns}
urlpatterns = [
    *project_urlpatterns,
    path("api/channels-test/", channels_api.urls),
]
if "contact/" not in already_mounted:
    urlpatterns.append(path("contact/", include("tierdesk.channels.urls")))
