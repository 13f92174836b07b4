"""Permission-scoped reads of the help center. Every interface reads articles through these.

Customers and visitors see published translations of public articles; agents see
internal articles too, and drafts in the editing pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDay, TruncMonth, TruncWeek
from django.urls import reverse

from tierdesk.accounts.permissions import can_edit_articles, can_read_internal_articles
from tierdesk.knowledge import search
from tierdesk.knowledge.models import (
    Article,
    ArticleTranslation,
    ArticleVote,
    Category,
    DeflectionAttempt,
    DeflectionOutcome,
    SearchQuery,
    SearchSource,
    Section,
    Visibility,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tierdesk.accounts.models import User

    Reader = User | AnonymousUser | None

LANGUAGES = ("de", "en")


def normalise_language(language: str | None) -> str:
    code = (language or "de").lower()[:2]
    return code if code in LANGUAGES else "de"


def articles_visible_to(user: Reader) -> QuerySet[Article]:
    """Articles ``user`` may read once published: public ones, and internal ones for agents."""
    articles = Article.objects.all()
    if can_read_internal_articles(user):
        return articles
    return articles.filter(visibility=Visibility.PUBLIC)


def published_translations_visible_to(
    user: Reader, language: str | None = None
) -> QuerySet[ArticleTranslation]:
    translations = ArticleTranslation.objects.filter(
        published_version__isnull=False, article__in=articles_visible_to(user)
    ).select_related("article__section__category")
    if language:
        translations = translations.filter(language=language)
    return translations


def article_page(user: Reader, key: str, language: str) -> ArticleTranslation:
    """The published translation of article ``key`` in ``language``, else in another language.

    ``ArticleTranslation.DoesNotExist`` when there is none ``user`` may read (not
    existing and not visible look the same).
    """
    translations = published_translations_visible_to(user).filter(article__key=key)
    found = {translation.language: translation for translation in translations}
    if not found:
        raise ArticleTranslation.DoesNotExist
    return found.get(language) or found[sorted(found)[0]]


def translation_for_editing(user: User, key: str, language: str) -> ArticleTranslation:
    """Any translation (drafts included) for an agent; ``DoesNotExist`` for everyone else."""
    if not can_edit_articles(user):
        raise ArticleTranslation.DoesNotExist
    return ArticleTranslation.objects.select_related(
        "article__section__category", "article__team"
    ).get(article__key=key, language=language)


def article_for_editing(user: User, key: str) -> Article:
    if not can_edit_articles(user):
        raise Article.DoesNotExist
    return Article.objects.select_related("section", "team").get(key=key)


def articles_for_editing(
    user: User, *, state: str | None = None, language: str | None = None
) -> QuerySet[ArticleTranslation]:
    if not can_edit_articles(user):
        return ArticleTranslation.objects.none()
    translations = ArticleTranslation.objects.select_related("article__section__category").order_by(
        "-updated_at", "id"
    )
    if state:
        translations = translations.filter(state=state)
    if language:
        translations = translations.filter(language=language)
    return translations


def categories_for(user: Reader, language: str) -> list[Category]:
    """Categories with their sections and the published articles ``user`` may read."""
    visible = published_translations_visible_to(user, language).order_by("published_title")
    sections = Section.objects.prefetch_related(
        Prefetch(
            "articles",
            queryset=articles_visible_to(user)
            .filter(translations__in=visible)
            .prefetch_related(Prefetch("translations", queryset=visible, to_attr="shown"))
            .distinct(),
            to_attr="visible_articles",
        )
    )
    categories = Category.objects.prefetch_related(Prefetch("sections", queryset=sections))
    return list(categories)


def category_for(user: Reader, slug: str, language: str) -> Category:
    for category in categories_for(user, language):
        if category.slug == slug:
            return category
    raise Category.DoesNotExist


def faq_for_team(user: Reader, team_slug: str, language: str) -> list[ArticleTranslation]:
    return list(
        published_translations_visible_to(user, language)
        .filter(article__team__slug=team_slug, article__is_faq=True)
        .order_by("article__faq_position", "published_title")
    )


def related_articles(
    user: Reader, translation: ArticleTranslation, *, limit: int = 5
) -> list[ArticleTranslation]:
    """Articles linked by an editor first, then others of the same section."""
    article = translation.article
    visible = published_translations_visible_to(user, translation.language).exclude(article=article)
    chosen = list(visible.filter(article__in=article.related.all()).order_by("published_title"))
    if len(chosen) < limit:
        chosen_ids = [item.pk for item in chosen]
        chosen += list(
            visible.filter(article__section=article.section)
            .exclude(pk__in=chosen_ids)
            .order_by("published_title")[: limit - len(chosen)]
        )
    return chosen[:limit]


def search_articles(
    user: Reader, text: str, *, language: str, limit: int = 10, typing: bool = False
) -> list[search.SearchResult]:
    """Ranked published articles matching ``text`` that ``user`` may read, with snippets."""
    language = normalise_language(language)
    if not text.strip():
        return []
    parsed, hits = search.find(
        text[:200],
        language=language,
        include_internal=can_read_internal_articles(user),
        limit=limit,
        typing=typing,
    )
    if not hits:
        return []
    # The index holds published, visible-to-whom documents; reading through the
    # visible set once more keeps a stale index from leaking anything.
    translations = published_translations_visible_to(user, language).in_bulk(
        [hit.translation_id for hit in hits]
    )
    results = []
    for hit in hits:
        translation = translations.get(hit.translation_id)
        if translation is None:
            continue
        snippet_text, snippet_html = search.snippet(translation, parsed)
        results.append(
            search.SearchResult(
                translation=translation,
                score=hit.score,
                snippet_text=snippet_text,
                snippet_html=snippet_html,
                matched=parsed.matched_terms,
            )
        )
    return results


def article_path(translation: ArticleTranslation) -> str:
    return (
        reverse("knowledge:article", args=[translation.article.key])
        + f"?lang={translation.language}"
    )


# ---------------------------------------------------------------- analytics


@dataclass(frozen=True)
class QueryCount:
    text: str
    searches: int


@dataclass(frozen=True)
class RatedArticle:
    translation: ArticleTranslation
    helpful: int
    not_helpful: int

    @property
    def helpful_share(self) -> float:
        total = self.helpful + self.not_helpful
        return self.helpful / total if total else 0.0


@dataclass(frozen=True)
class SearchAnalytics:
    searches: int
    top_queries: list[QueryCount]
    zero_result_queries: list[QueryCount]
    poorly_rated: list[RatedArticle]


POOR_RATING_SHARE = 0.5
MIN_VOTES_FOR_RATING = 3


def search_analytics(*, since: datetime, limit: int = 20) -> SearchAnalytics:
    """What was searched since ``since``, what found nothing, and which articles disappoint."""
    queries = SearchQuery.objects.filter(created_at__gte=since)
    top = (
        queries.values("normalized")
        .annotate(searches=Count("id"))
        .order_by("-searches", "normalized")[:limit]
    )
    zero = (
        queries.filter(result_count=0)
        .values("normalized")
        .annotate(searches=Count("id"))
        .order_by("-searches", "normalized")[:limit]
    )
    votes = (
        ArticleVote.objects.values("translation_id")
        .annotate(
            yes=Count("id", filter=Q(helpful=True)),
            no=Count("id", filter=Q(helpful=False)),
        )
        .filter(no__gte=1)
    )
    rated = [
        row
        for row in votes
        if row["yes"] + row["no"] >= MIN_VOTES_FOR_RATING
        and row["yes"] / (row["yes"] + row["no"]) < POOR_RATING_SHARE
    ]
    translations = ArticleTranslation.objects.select_related("article").in_bulk(
        [row["translation_id"] for row in rated]
    )
    poorly = sorted(
        (RatedArticle(translations[row["translation_id"]], row["yes"], row["no"]) for row in rated),
        key=lambda item: (item.helpful_share, -item.not_helpful),
    )[:limit]
    return SearchAnalytics(
        searches=queries.count(),
        top_queries=[QueryCount(row["normalized"], row["searches"]) for row in top],
        zero_result_queries=[QueryCount(row["normalized"], row["searches"]) for row in zero],
        poorly_rated=poorly,
    )


# ---------------------------------------------------------------- deflection


@dataclass(frozen=True)
class Period:
    """From ``start`` (inclusive) to ``end`` (exclusive), timezone-aware."""

    start: datetime
    end: datetime

    @classmethod
    def last_days(cls, days: int, *, now: datetime) -> Period:
        return cls(start=now - timedelta(days=days), end=now)


@dataclass(frozen=True)
class DeflectionFigures:
    """Counts of deflection attempts and the rate a planner can use.

    ``rate`` is deflected / (deflected + submitted): of the people who were shown
    articles and then decided, the share who did not need to write. Abandoned
    attempts (``open``) are counted but left out of the rate, since nobody knows
    whether they found their answer. ``None`` when nobody decided yet.
    """

    attempts: int
    deflected: int
    submitted: int
    abandoned: int

    @property
    def rate(self) -> float | None:
        decided = self.deflected + self.submitted
        return self.deflected / decided if decided else None


@dataclass(frozen=True)
class DeflectionRow:
    period_start: datetime | None
    category: str
    figures: DeflectionFigures


_OUTCOME_COUNTS = {
    "attempts": Count("id"),
    "deflected": Count("id", filter=Q(outcome=DeflectionOutcome.DEFLECTED)),
    "submitted": Count("id", filter=Q(outcome=DeflectionOutcome.SUBMITTED)),
    "abandoned": Count("id", filter=Q(outcome=DeflectionOutcome.OPEN)),
}


def _figures(rows: QuerySet[DeflectionAttempt]) -> DeflectionFigures:
    return DeflectionFigures(**rows.aggregate(**_OUTCOME_COUNTS))


def _figures_of(row: Mapping[str, Any]) -> DeflectionFigures:
    return DeflectionFigures(**{name: row[name] for name in _OUTCOME_COUNTS})


def _attempts(period: Period, channel: str | None) -> QuerySet[DeflectionAttempt]:
    attempts = DeflectionAttempt.objects.filter(
        created_at__gte=period.start, created_at__lt=period.end
    )
    return attempts.filter(channel=channel) if channel else attempts


def deflection_rate(period: Period, *, channel: str | None = None) -> DeflectionFigures:
    """Attempts, outcomes and ``.rate`` (a float from 0 to 1, or None) in ``period``.

    ``channel`` (a ``SearchSource``, e.g. the contact form) narrows it to one place
    where customers write; ``None`` counts them all.
    """
    return _figures(_attempts(period, channel))


@dataclass(frozen=True)
class ChannelDeflection:
    channel: str
    label: str
    figures: DeflectionFigures


def deflection_by_channel(period: Period) -> list[ChannelDeflection]:
    """The figures of each place where customers were shown articles (portal, contact form)."""
    rows = _attempts(period, None).values("channel").annotate(**_OUTCOME_COUNTS).order_by("channel")
    labels = dict(SearchSource.choices)
    return [
        ChannelDeflection(
            channel=row["channel"],
            label=str(labels.get(row["channel"], row["channel"])),
            figures=_figures_of(row),
        )
        for row in rows
    ]


TRUNCATIONS = {"day": TruncDay, "week": TruncWeek, "month": TruncMonth}


def deflection_report(
    period: Period, *, by: str = "week", channel: str | None = None
) -> list[DeflectionRow]:
    """Deflection per ``by`` (day, week, month) and topic (category of the articles shown)."""
    if by not in TRUNCATIONS:
        raise ValueError(f"Unknown grouping {by!r}; use day, week or month.")
    rows = (
        _attempts(period, channel)
        .annotate(bucket=TRUNCATIONS[by]("created_at"))
        .values("bucket", "category__slug", "category__name_de", "category__name_en")
        .annotate(**_OUTCOME_COUNTS)
        .order_by("bucket", "category__slug")
    )
    report = []
    for row in rows:
        category = Category(
            name_de=row["category__name_de"] or "", name_en=row["category__name_en"] or ""
        )
        report.append(
            DeflectionRow(
                period_start=row["bucket"],
                category=category.localized_name if row["category__slug"] else "",
                figures=_figures_of(row),
            )
        )
    return report
