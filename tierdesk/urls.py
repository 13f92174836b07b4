from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from tierdesk.api.api import api
from tierdesk.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("accounts/", include("tierdesk.core.auth_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("desk/", include("tierdesk.desk.urls")),
    path("portal/", include("tierdesk.portal.urls")),
    path("sla/", include("tierdesk.sla.urls")),
    path("routing/", include("tierdesk.routing.urls")),
    path("planning/", include("tierdesk.planning.urls")),
    path("contact/", include("tierdesk.channels.urls")),
    path("help/", include("tierdesk.knowledge.urls")),
    path("community/", include("tierdesk.community.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
