from django.urls import URLPattern, URLResolver, path

from tierdesk.community import views

app_name = "community"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("ask/", views.ask, name="ask"),
    path("unanswered/", views.unanswered, name="unanswered"),
    path("moderation/", views.moderation, name="moderation"),
    path("c/<slug:slug>/", views.category_page, name="category"),
    path("t/<int:pk>/", views.thread_page, name="thread"),
    path("t/<int:pk>/answer/", views.answer, name="answer"),
    path("t/<int:pk>/<slug:action>/", views.thread_action, name="thread_action"),
    path("p/<int:post_pk>/vote/", views.vote, name="vote"),
    path("p/<int:post_pk>/<slug:action>/", views.post_action, name="post_action"),
]
