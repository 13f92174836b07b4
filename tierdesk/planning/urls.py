from django.urls import path

from tierdesk.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("run/", views.run, name="run"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan"),
]
