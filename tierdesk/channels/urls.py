"""Mounted at ``/contact/``: the public form, the phone log and the failed-mail list."""

from django.urls import path

from tierdesk.channels import views

app_name = "channels"

urlpatterns = [
    path("", views.contact, name="contact"),
    path("thanks/", views.contact_thanks, name="contact_thanks"),
    path("phone/", views.phone_call, name="phone_call"),
    path("failed-mail/", views.failed_mail, name="failed_mail"),
    path("failed-mail/<int:pk>/retry/", views.failed_mail_retry, name="failed_mail_retry"),
]
