"""The forum in the administration: categories are edited here; content is moderated on the site.

Posts and threads are read-only here so that every change goes through the
services (hiding, locking) and leaves an audit entry.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from tierdesk.community.models import Category, Flag, ModerationAction, Post, Thread


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ("position", "name_de", "name_en", "slug", "is_active")
    list_display_links = ("name_de",)
    list_editable = ("position", "is_active")
    prepopulated_fields = {"slug": ("name_en",)}


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Thread)
class ThreadAdmin(_ReadOnly, admin.ModelAdmin[Thread]):
    list_display = (
        "title",
        "category",
        "author",
        "answer_count",
        "score",
        "is_hidden",
        "is_locked",
    )
    list_filter = ("category", "is_hidden", "is_locked", "language")
    list_select_related = ("category", "author")
    search_fields = ("title",)


@admin.register(Post)
class PostAdmin(_ReadOnly, admin.ModelAdmin[Post]):
    list_display = ("thread", "author", "is_question", "score", "is_hidden", "created_at")
    list_filter = ("is_question", "is_hidden")
    list_select_related = ("thread", "author")


@admin.register(Flag)
class FlagAdmin(_ReadOnly, admin.ModelAdmin[Flag]):
    list_display = ("post", "reporter", "reason", "created_at", "resolved_at")
    list_filter = ("reason",)
    list_select_related = ("post__thread", "reporter")


@admin.register(ModerationAction)
class ModerationActionAdmin(_ReadOnly, admin.ModelAdmin[ModerationAction]):
    list_display = ("created_at", "kind", "thread", "actor", "reason")
    list_filter = ("kind",)
    list_select_related = ("thread", "actor")
