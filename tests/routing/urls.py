"""The project's URLs with routing mounted at /routing/ (until the project mounts it)."""

from __future__ import annotations

from django.urls import include, path

from tierdesk.urls import urlpatterns as project_urlpatterns

_mounted = any(getattr(p, "namespace", None) == "routing" for p in project_urlpatterns)
urlpatterns = list(project_urlpatterns)
if not _mounted:
    urlpatterns.append(path("routing/", include("tierdesk.routing.urls")))
