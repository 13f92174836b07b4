"""The project's URLs plus the help-center API router on a test API of its own.

The lead mounts ``tierdesk.knowledge.api.router`` on the real API
(``api.add_router("/kb", router)``); until then these tests reach it here, at the
same paths, with the same authentication and error handlers.
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path
from ninja import NinjaAPI

from tierdesk.api.auth import BearerTokenAuth
from tierdesk.api.errors import register_error_handlers
from tierdesk.knowledge.api import router
from tierdesk.urls import urlpatterns as project_urlpatterns

test_api = NinjaAPI(urls_namespace="knowledge_test_api", auth=BearerTokenAuth(), docs_url=None)
register_error_handlers(test_api)
test_api.add_router("/kb", router, url_name_prefix="knowledge_test")

urlpatterns: list[URLPattern | URLResolver] = [path("api/v1/", test_api.urls), *project_urlpatterns]
