from django.urls import path

from tierdesk.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.requests, name="requests"),
]
