from django.urls import path

from tierdesk.core.views import attachment_download
from tierdesk.desk import views, views_notifications, views_ticket

app_name = "desk"
urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("help/", views.help_requests, name="help_requests"),
    path("help/<int:pk>/answer/", views.help_request_answer_view, name="help_answer"),
    path("problems/", views.problems, name="problems"),
    path("notifications/", views_notifications.notifications_page, name="notifications"),
    path(
        "notifications/read-all/",
        views_notifications.notifications_read_all,
        name="notifications_read_all",
    ),
    path(
        "notifications/<int:pk>/read/",
        views_notifications.notification_read,
        name="notification_read",
    ),
    path(
        "notifications/<int:pk>/open/",
        views_notifications.notification_open,
        name="notification_open",
    ),
    path("tickets/<int:number>/", views_ticket.ticket_page, name="ticket"),
    path("tickets/<int:number>/<slug:action>/", views_ticket.ticket_action, name="ticket_action"),
    path("attachments/<int:pk>/", attachment_download, name="attachment"),
]
