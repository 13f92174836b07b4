from django.urls import include, path

from tierdesk.planning import views

app_name = "planning"
# Rosters and exports keep their routes in their own modules, next to their views.
urlpatterns = [
    path("", views.overview, name="overview"),
    path("run/", views.run, name="run"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan"),
    path("", include("tierdesk.planning.urls_roster")),
    path("", include("tierdesk.planning.urls_export")),
]
