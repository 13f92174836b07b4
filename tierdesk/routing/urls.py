from django.urls import path

from tierdesk.routing import views

app_name = "routing"
urlpatterns = [
    path("", views.load, name="load"),
    path("next/", views.next_ticket, name="next"),
    path("agents/<str:username>/presence/", views.presence, name="presence"),
]
