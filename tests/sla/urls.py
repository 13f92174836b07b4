"""The project's URLs with the SLA pages mounted at /sla/ (as the lead will do)."""

from django.urls import include, path

from tierdesk.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("sla/", include("tierdesk.sla.urls"))]
