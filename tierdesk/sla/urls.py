from django.urls import path
from django.views.generic import RedirectView

from tierdesk.sla import views

app_name = "sla"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="sla:report"), name="index"),
    path("report/", views.report, name="report"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/recompute/", views.recompute, name="recompute"),
    path("tickets/<int:number>/timers/", views.timers, name="timers"),
]
