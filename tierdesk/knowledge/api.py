"""Help-center endpoints, mounted under ``/api/v1/kb``: search, and articles for agents.

Search is public, as the help center is: without a token it finds published public
articles, as a visitor of the help center would. Everything else needs a token, as
for the rest of the API. Customers' tokens see published public articles only;
agents' tokens see internal ones and drafts, and write. Errors become JSON through the API's handlers (403, 404, 422).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, P, Router, Schema
from ninja import Status as Respond
from ninja.params import QueryEx

from tierdesk.accounts.permissions import can_edit_articles
from tierdesk.api.auth import TokenOrVisitor, request_reader, request_user
from tierdesk.api.schemas import ErrorOut
from tierdesk.knowledge import selectors, services
from tierdesk.knowledge.errors import ArticleNotAllowed, InvalidArticleChange
from tierdesk.knowledge.models import Article, ArticleTranslation, SearchSource, Section
from tierdesk.teams.models import Team

router = Router(tags=["help center"])

Language = Literal["de", "en"]
Query = QueryEx[str, P(min_length=1, max_length=200, description="What to look for.")]
Limit = QueryEx[int, P(ge=1, le=50, description="How many results at most.")]


class SearchHitOut(Schema):
    id: int = Field(description="The article's id.")
    key: str
    language: str
    title: str
    snippet: str = Field(description="Plain text around the matching words.")
    snippet_html: str = Field(description="The same, escaped, matches in <mark>.")
    url: str
    score: float = Field(description="Higher is better; comparable within one answer only.")


class TranslationOut(Schema):
    language: str
    title: str
    state: str
    version: int
    published_version: int | None
    published_at: datetime | None
    body_html: str
    keywords: str
    url: str | None


class ArticleOut(Schema):
    id: int
    key: str
    section: str
    category: str
    visibility: str
    team: str | None
    is_faq: bool
    translations: list[TranslationOut]


class ArticleCreateIn(Schema):
    section: str = Field(description="Code of the section, e.g. 'returns'.")
    language: Language
    title: str = Field(max_length=200)
    body: str = Field(max_length=100_000, description="HTML (sanitised) or plain text.")
    keywords: str = Field("", max_length=300)
    key: str = Field("", max_length=80)
    visibility: Literal["public", "internal"] = "public"
    team: str | None = None
    is_faq: bool = False


class ArticleUpdateIn(Schema):
    section: str | None = None
    visibility: Literal["public", "internal"] | None = None
    team: str | None = None
    is_faq: bool | None = None


class TranslationIn(Schema):
    title: str = Field(max_length=200)
    body: str = Field(max_length=100_000)
    keywords: str = Field("", max_length=300)
    note: str = Field("", max_length=300)


def _errors(*codes: int) -> dict[int, Any]:
    return {code: ErrorOut for code in (401, 422, *codes)}


@router.get(
    "/search",
    response={200: list[SearchHitOut], **_errors()},
    summary="Search published articles",
    description="Ranked published articles in the language asked for. Without a token, "
    "and with customers' tokens, public articles only; agents' tokens find internal ones "
    "too. A token that is sent must be valid.",
    auth=TokenOrVisitor(),
)
def search(
    request: HttpRequest, q: Query, lang: Language = "de", limit: Limit = 10
) -> list[SearchHitOut]:
    reader = request_reader(request)
    results = services.search_and_log(
        reader, q, language=lang, source=SearchSource.API, limit=limit
    )
    base = settings.TIERDESK_BASE_URL.rstrip("/")
    return [
        SearchHitOut(
            id=result.translation.article_id,
            key=result.translation.article.key,
            language=result.translation.language,
            title=result.translation.published_title,
            snippet=result.snippet_text,
            snippet_html=str(result.snippet_html),
            url=base + selectors.article_path(result.translation),
            score=result.score,
        )
        for result in results
    ]


def _article_out(article: Article, *, drafts: bool) -> ArticleOut:
    base = settings.TIERDESK_BASE_URL.rstrip("/")
    translations = []
    for translation in article.translations.all():
        if not drafts and not translation.is_live:
            continue
        live_url = base + selectors.article_path(translation) if translation.is_live else None
        translations.append(
            TranslationOut(
                language=translation.language,
                title=translation.title if drafts else translation.published_title,
                state=translation.state,
                version=translation.version if drafts else translation.published_version or 0,
                published_version=translation.published_version,
                published_at=translation.published_at,
                body_html=translation.body_html if drafts else translation.published_html,
                keywords=translation.keywords if drafts else translation.published_keywords,
                url=live_url,
            )
        )
    return ArticleOut(
        id=article.pk,
        key=article.key,
        section=article.section.slug,
        category=article.section.category.slug,
        visibility=article.visibility,
        team=article.team.slug if article.team else None,
        is_faq=article.is_faq,
        translations=translations,
    )


def _visible_article(request: HttpRequest, article_id: int) -> tuple[Article, bool]:
    user = request_user(request)
    drafts = can_edit_articles(user)
    articles = selectors.articles_visible_to(user).select_related("section__category", "team")
    if not drafts:
        articles = articles.filter(translations__published_version__isnull=False).distinct()
    return articles.prefetch_related("translations").get(pk=article_id), drafts


def _section(slug: str) -> Section:
    section = Section.objects.filter(slug=slug).first()
    if section is None:
        raise InvalidArticleChange(f"There is no section {slug!r}.")
    return section


def _team(slug: str | None) -> Team | None:
    if not slug:
        return None
    team = Team.objects.filter(slug=slug).first()
    if team is None:
        raise InvalidArticleChange(f"There is no team {slug!r}.")
    return team


def _require_agent(request: HttpRequest) -> None:
    if not can_edit_articles(request_user(request)):
        raise ArticleNotAllowed("Only agents write help-center articles.")


@router.get(
    "/articles/{article_id}", response={200: ArticleOut, **_errors(404)}, summary="Read an article"
)
def read_article(request: HttpRequest, article_id: int) -> ArticleOut:
    article, drafts = _visible_article(request, article_id)
    return _article_out(article, drafts=drafts)


@router.post(
    "/articles",
    response={201: ArticleOut, **_errors(403)},
    summary="Write a new article (agents)",
    description="Creates the article with its first translation as a draft.",
)
def create_article(request: HttpRequest, payload: ArticleCreateIn) -> Respond[ArticleOut]:
    _require_agent(request)
    article = services.article_create(
        actor=request_user(request),
        section=_section(payload.section),
        language=payload.language,
        title=payload.title,
        body=payload.body,
        keywords=payload.keywords,
        key=payload.key,
        visibility=payload.visibility,
        team=_team(payload.team),
        is_faq=payload.is_faq,
    )
    fresh, _ = _visible_article(request, article.pk)
    return Respond(201, _article_out(fresh, drafts=True))


@router.patch(
    "/articles/{article_id}",
    response={200: ArticleOut, **_errors(403, 404)},
    summary="Change an article's filing and visibility (agents)",
)
def update_article(request: HttpRequest, article_id: int, payload: ArticleUpdateIn) -> ArticleOut:
    _require_agent(request)
    article, _ = _visible_article(request, article_id)
    changes: dict[str, Any] = {}
    given = payload.model_dump(exclude_unset=True)
    if given.get("section") is not None:
        changes["section"] = _section(given["section"])
    if given.get("visibility") is not None:
        changes["visibility"] = given["visibility"]
    if "team" in given:
        changes["team"] = _team(given["team"])
    if given.get("is_faq") is not None:
        changes["is_faq"] = given["is_faq"]
    services.article_update(actor=request_user(request), article=article, **changes)
    fresh, _ = _visible_article(request, article_id)
    return _article_out(fresh, drafts=True)


@router.put(
    "/articles/{article_id}/translations/{language}",
    response={200: ArticleOut, **_errors(403, 404)},
    summary="Write a translation (agents)",
    description="Creates the translation or saves a new version of it, as a draft; readers "
    "keep the published version until it is published.",
)
def save_translation(
    request: HttpRequest, article_id: int, language: Language, payload: TranslationIn
) -> ArticleOut:
    _require_agent(request)
    article, _ = _visible_article(request, article_id)
    services.translation_save(
        actor=request_user(request), article=article, language=language, **payload.model_dump()
    )
    fresh, _ = _visible_article(request, article_id)
    return _article_out(fresh, drafts=True)


def _translation(request: HttpRequest, article_id: int, language: str) -> ArticleTranslation:
    _require_agent(request)
    article, _ = _visible_article(request, article_id)
    return article.translations.get(language=language)


@router.post(
    "/articles/{article_id}/translations/{language}/publish",
    response={200: ArticleOut, **_errors(403, 404)},
    summary="Publish a translation (Second Level, leads, managers)",
)
def publish_translation(request: HttpRequest, article_id: int, language: Language) -> ArticleOut:
    translation = _translation(request, article_id, language)
    services.translation_publish(actor=request_user(request), translation=translation)
    fresh, _ = _visible_article(request, article_id)
    return _article_out(fresh, drafts=True)


@router.post(
    "/articles/{article_id}/translations/{language}/review",
    response={200: ArticleOut, **_errors(403, 404)},
    summary="Ask for review of a draft (agents)",
)
def review_translation(request: HttpRequest, article_id: int, language: Language) -> ArticleOut:
    translation = _translation(request, article_id, language)
    services.translation_submit_for_review(actor=request_user(request), translation=translation)
    fresh, _ = _visible_article(request, article_id)
    return _article_out(fresh, drafts=True)
