from django.urls import URLPattern, URLResolver, path

from tierdesk.knowledge import views, views_manage

app_name = "knowledge"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("search/live/", views.search_live, name="search_live"),
    path("c/<slug:slug>/", views.category_page, name="category"),
    path("a/<slug:key>/", views.article_page_view, name="article"),
    path("a/<slug:key>/vote/", views.vote, name="vote"),
    path("faq/<slug:team>/", views.faq_page, name="faq"),
    path("files/<int:pk>/", views.file_download, name="file"),
    path("suggest/", views.suggest, name="suggest"),
    path("solved/", views.solved, name="solved"),
    path("manage/", views_manage.article_list, name="manage"),
    path("manage/new/", views_manage.article_new, name="new"),
    path("manage/analytics/", views_manage.analytics, name="analytics"),
    path("manage/links/", views_manage.link_search, name="link_search"),
    path("manage/from-message/<int:message_id>/", views_manage.from_message, name="from_message"),
    path("manage/<slug:key>/<str:language>/", views_manage.edit, name="edit"),
    path(
        "manage/<slug:key>/<str:language>/<slug:action>/",
        views_manage.edit_action,
        name="edit_action",
    ),
]
