"""Admin for the help center's structure. Articles are written in the help center's
own pages (/help/manage/), which keep versions and the search index in step;
here they can be looked at, not edited.
"""

from django.contrib import admin
from django.http import HttpRequest

from tierdesk.knowledge.models import Article, ArticleTranslation, Category, SearchQuery, Section


class SectionInline(admin.TabularInline[Section, Category]):
    model = Section
    extra = 0


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ("slug", "name_de", "name_en", "position")
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin[Section]):
    list_display = ("slug", "name_de", "name_en", "category", "position")
    list_select_related = ("category",)


class TranslationInline(admin.StackedInline[ArticleTranslation, Article]):
    model = ArticleTranslation
    extra = 0
    fields = ("language", "title", "state", "version", "published_version", "published_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    list_display = ("key", "section", "visibility", "team", "is_faq")
    list_filter = ("visibility", "is_faq", "section__category")
    search_fields = ("key", "translations__title")
    list_select_related = ("section", "team")
    inlines = [TranslationInline]

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return False


@admin.register(SearchQuery)
class SearchQueryAdmin(admin.ModelAdmin[SearchQuery]):
    list_display = ("text", "language", "source", "result_count", "by_staff", "created_at")
    list_filter = ("source", "language", "by_staff")
    date_hierarchy = "created_at"

    def has_change_permission(self, request: HttpRequest, obj: SearchQuery | None = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
