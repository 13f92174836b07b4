from django.urls import path

from tierdesk.core.views import attachment_download
from tierdesk.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.requests, name="requests"),
    path("new/", views.new_request, name="new_request"),
    path("requests/<int:number>/", views.request_detail, name="request"),
    path("signup/", views.sign_up, name="signup"),
    path("language/", views.switch_language, name="language"),
    path("attachments/<int:pk>/", attachment_download, name="attachment"),
]
