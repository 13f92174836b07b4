"""Everything that changes the help center: articles, translations, votes, search log, deflection.

Interfaces (pages, API, the portal, the contact form, mail) call these and never
save help-center models themselves. Text from people is sanitised here, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from tierdesk.accounts.permissions import can_edit_articles, can_publish_articles
from tierdesk.core.html import body_to_safe_html, clean_text, html_to_text, sanitize_html
from tierdesk.knowledge import search, textsearch
from tierdesk.knowledge.errors import ArticleFileRejected, ArticleNotAllowed, InvalidArticleChange
from tierdesk.knowledge.models import (
    Article,
    ArticleFile,
    ArticleTranslation,
    ArticleVersion,
    ArticleVote,
    Category,
    DeflectionAttempt,
    DeflectionOutcome,
    DeflectionShown,
    SearchQuery,
    SearchSource,
    Section,
    TranslationState,
    Visibility,
)
from tierdesk.knowledge.selectors import article_path, normalise_language, search_articles

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tierdesk.accounts.models import User
    from tierdesk.teams.models import Team
    from tierdesk.tickets.models import Message, Ticket

    Reader = User | AnonymousUser | None

LANGUAGES = ("de", "en")
TITLE_MAX = 200
UNSET: Any = object()


def _require_editor(actor: User) -> None:
    if not can_edit_articles(actor):
        raise ArticleNotAllowed("Only agents write help-center articles.")


def _clean_title(title: str) -> str:
    title = " ".join(clean_text(title).split())
    if not title:
        raise InvalidArticleChange("An article needs a title.")
    if len(title) > TITLE_MAX:
        raise InvalidArticleChange(f"The title is longer than {TITLE_MAX} characters.")
    return title


def _clean_body(body: str) -> str:
    safe = body_to_safe_html(body)
    if not html_to_text(safe).strip() and "<img" not in safe:
        raise InvalidArticleChange("An article needs a text.")
    return safe


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise InvalidArticleChange("Articles are written in German (de) or English (en).")
    return language


# ---------------------------------------------------------------- articles


@transaction.atomic
def article_create(
    *,
    actor: User,
    section: Section,
    language: str,
    title: str,
    body: str,
    keywords: str = "",
    key: str = "",
    visibility: str = Visibility.PUBLIC,
    team: Team | None = None,
    is_faq: bool = False,
    note: str = "",
) -> Article:
    """A new article with its first translation, as a draft."""
    _require_editor(actor)
    _check_language(language)
    if visibility not in Visibility.values:
        raise InvalidArticleChange("Visibility is public or internal.")
    title = _clean_title(title)
    key = slugify(key or title)[:80].strip("-") or "article"
    if Article.objects.filter(key=key).exists():
        base = key[:70]
        key = next(
            f"{base}-{n}"
            for n in range(2, 10_000)
            if not Article.objects.filter(key=f"{base}-{n}").exists()
        )
    article = Article.objects.create(
        section=section, key=key, visibility=visibility, team=team, is_faq=is_faq, created_by=actor
    )
    write_version(
        article=article,
        language=language,
        title=title,
        body=body,
        keywords=keywords,
        note=note,
        author=actor,
    )
    return article


@transaction.atomic
def translation_save(
    *,
    actor: User,
    article: Article,
    language: str,
    title: str,
    body: str,
    keywords: str = "",
    note: str = "",
) -> ArticleTranslation:
    """Save a new version of the ``language`` text; it is a draft until published.

    Readers keep seeing the published version, if there is one, meanwhile.
    """
    _require_editor(actor)
    return write_version(
        article=article,
        language=language,
        title=title,
        body=body,
        keywords=keywords,
        note=note,
        author=actor,
    )


def write_version(
    *,
    article: Article,
    language: str,
    title: str,
    body: str,
    keywords: str,
    note: str,
    author: User | None,
) -> ArticleTranslation:
    """``translation_save`` without the permission check, for seeding content."""
    _check_language(language)
    title = _clean_title(title)
    body_html = _clean_body(body)
    keywords = " ".join(clean_text(keywords).split())[:300]
    translation = (
        ArticleTranslation.objects.select_for_update()
        .filter(article=article, language=language)
        .first()
    )
    now = timezone.now()
    if translation is None:
        translation = ArticleTranslation(article=article, language=language, version=0)
    elif (translation.title, translation.body_html, translation.keywords) == (
        title,
        body_html,
        keywords,
    ):
        return translation
    translation.version += 1
    translation.title = title
    translation.slug = slugify(title)[:200] or article.key
    translation.body_html = body_html
    translation.body_text = html_to_text(body_html)
    translation.keywords = keywords
    translation.state = TranslationState.DRAFT
    translation.updated_at = now
    translation.save()
    ArticleVersion.objects.create(
        translation=translation,
        number=translation.version,
        title=title,
        body_html=body_html,
        keywords=keywords,
        note=clean_text(note)[:300],
        author=author,
        created_at=now,
    )
    return translation


def translation_submit_for_review(
    *, actor: User, translation: ArticleTranslation
) -> ArticleTranslation:
    _require_editor(actor)
    if translation.state != TranslationState.DRAFT:
        raise InvalidArticleChange("Only a draft can be sent for review.")
    translation.state = TranslationState.REVIEW
    translation.save(update_fields=["state"])
    return translation


@transaction.atomic
def translation_publish(*, actor: User, translation: ArticleTranslation) -> ArticleTranslation:
    """Make the latest version what readers see, and index it for search."""
    if not can_publish_articles(actor):
        raise ArticleNotAllowed(
            "Only Second Level, team leads and managers publish; send the draft for review."
        )
    return make_live(translation)


def make_live(translation: ArticleTranslation) -> ArticleTranslation:
    """``translation_publish`` without the permission check, for seeding content."""
    translation.published_version = translation.version
    translation.published_title = translation.title
    translation.published_html = translation.body_html
    translation.published_text = translation.body_text
    translation.published_keywords = translation.keywords
    translation.published_at = timezone.now()
    translation.state = TranslationState.PUBLISHED
    translation.save()
    search.index_translation(translation, is_public=translation.article.is_public)
    return translation


@transaction.atomic
def translation_unpublish(*, actor: User, translation: ArticleTranslation) -> ArticleTranslation:
    """Take the text off the help center; it stays as a draft."""
    if not can_publish_articles(actor):
        raise ArticleNotAllowed("Only Second Level, team leads and managers unpublish articles.")
    translation.published_version = None
    translation.published_at = None
    translation.state = TranslationState.DRAFT
    translation.save()
    search.index_translation(translation, is_public=translation.article.is_public)
    return translation


def translation_restore(
    *, actor: User, translation: ArticleTranslation, number: int
) -> ArticleTranslation:
    """A new draft version with the text of version ``number``."""
    old = translation.versions.filter(number=number).first()
    if old is None:
        raise InvalidArticleChange(f"There is no version {number}.")
    return translation_save(
        actor=actor,
        article=translation.article,
        language=translation.language,
        title=old.title,
        body=old.body_html,
        keywords=old.keywords,
        note=f"Restored version {number}",
    )


@transaction.atomic
def article_update(
    *,
    actor: User,
    article: Article,
    visibility: str = UNSET,
    section: Section = UNSET,
    team: Team | None = UNSET,
    is_faq: bool = UNSET,
    related: list[Article] = UNSET,
) -> Article:
    """Change where an article is filed and who may read it; the index follows at once."""
    _require_editor(actor)
    if visibility is not UNSET:
        if visibility not in Visibility.values:
            raise InvalidArticleChange("Visibility is public or internal.")
        if visibility != article.visibility and not can_publish_articles(actor):
            raise ArticleNotAllowed("Only those who publish may change who can read an article.")
        article.visibility = visibility
    if section is not UNSET:
        article.section = section
    if team is not UNSET:
        article.team = team
    if is_faq is not UNSET:
        article.is_faq = is_faq
    article.save()
    if related is not UNSET:
        article.related.set([item for item in related if item.pk != article.pk])
    for translation in article.translations.all():
        search.index_translation(translation, is_public=article.is_public)
    return article


ALLOWED_FILE_TYPES = {
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
}


def article_file_add(*, actor: User, article: Article, upload: UploadedFile) -> ArticleFile:
    """Keep an image or document for the article; images can then be shown in its text."""
    _require_editor(actor)
    size = upload.size or 0
    if size > settings.TIERDESK_MAX_ATTACHMENT_BYTES:
        raise ArticleFileRejected(
            f"The file is too large (at most {settings.TIERDESK_MAX_ATTACHMENT_BYTES // 2**20} MB)."
        )
    content_type = (upload.content_type or "").split(";")[0].strip().lower()
    if content_type not in ALLOWED_FILE_TYPES:
        raise ArticleFileRejected(
            "Only PNG, JPEG, GIF, WebP images, PDF and text files can be added."
        )
    filename = re.sub(r"[^\w.\-]+", "_", upload.name or "file")[-120:]
    return ArticleFile.objects.create(
        article=article,
        file=upload,
        filename=filename,
        content_type=content_type,
        size_bytes=size,
        uploaded_by=actor,
    )


def _draft_section() -> Section:
    """Where drafts made from replies go until an editor files them: the last section."""
    section = Section.objects.order_by("-category__position", "-position", "-id").first()
    if section is None:
        category, _ = Category.objects.get_or_create(
            slug="drafts", defaults={"name_de": "Entwürfe", "name_en": "Drafts", "position": 999}
        )
        section, _ = Section.objects.get_or_create(
            slug="drafts",
            defaults={"category": category, "name_de": "Entwürfe", "name_en": "Drafts"},
        )
    return section


@transaction.atomic
def article_draft_from_message(
    *, actor: User, message: Message, section: Section | None = None
) -> Article:
    """An internal draft article whose text is an agent's reply; the agent edits it before publishing.

    Only a public reply by an agent on a ticket the actor may see qualifies.
    """
    from tierdesk.tickets.selectors import tickets_visible_to

    _require_editor(actor)
    if not tickets_visible_to(actor).filter(pk=message.ticket_id).exists():
        raise ArticleNotAllowed("You cannot see this ticket.")
    if message.from_customer or not message.is_public:
        raise InvalidArticleChange("Only a public reply of an agent can become an article.")
    ticket = message.ticket
    language = ticket.language if getattr(ticket, "language", "") in LANGUAGES else "de"
    return article_create(
        actor=actor,
        section=section or _draft_section(),
        language=language,
        title=ticket.subject,
        body=sanitize_html(message.body_html),
        visibility=Visibility.INTERNAL,
        note=f"From the reply on ticket #{ticket.number}",
    )


# ---------------------------------------------------------------- readers


def article_vote(
    *,
    translation: ArticleTranslation,
    voter_key: str,
    helpful: bool,
    comment: str = "",
    user: Reader = None,
) -> ArticleVote:
    """Record "Was this helpful?"; voting again replaces the reader's earlier vote."""
    if not voter_key:
        raise InvalidArticleChange("A vote needs a reader.")
    comment = clean_text(comment).strip()[:2000]
    account = user if user is not None and user.is_authenticated else None
    vote, _ = ArticleVote.objects.update_or_create(
        translation=translation,
        voter_key=voter_key[:80],
        defaults={
            "helpful": helpful,
            "comment": comment,
            "user": account,
            "created_at": timezone.now(),
        },
    )
    return vote


def search_and_log(
    user: Reader, text: str, *, language: str, source: str, limit: int = 10
) -> list[search.SearchResult]:
    """Search as ``user`` may, and remember the query for the analytics."""
    results = search_articles(user, text, language=language, limit=limit)
    search_log(text=text, language=language, source=source, result_count=len(results), user=user)
    return results


def search_log(
    *, text: str, language: str, source: str, result_count: int, user: Reader = None
) -> None:
    text = " ".join(clean_text(text).split())[:200]
    if not text:
        return
    from tierdesk.accounts.permissions import is_desk_staff

    SearchQuery.objects.create(
        text=text,
        normalized=text.lower(),
        language=normalise_language(language),
        source=source if source in SearchSource.values else SearchSource.HELP_CENTER,
        result_count=result_count,
        by_staff=bool(user is not None and is_desk_staff(user)),  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- deflection


@dataclass(frozen=True)
class ArticleSuggestion:
    """An article offered to someone about to write to us."""

    article_id: int
    key: str
    title: str
    snippet: str
    path: str
    category: str

    @property
    def url(self) -> str:
        """Absolute, for mail."""
        return settings.TIERDESK_BASE_URL.rstrip("/") + self.path


def suggest_articles(
    *, text: str, language: str, user: Reader = None, limit: int = 3
) -> list[ArticleSuggestion]:
    """Up to ``limit`` published articles that may answer ``text``, as ``user`` may see them.

    For the contact form, the portal and the acknowledgement mail. Anonymous and
    customers get public articles only.
    """
    results = search_articles(user, text, language=language, limit=limit)
    return [
        ArticleSuggestion(
            article_id=result.translation.article_id,
            key=result.translation.article.key,
            title=result.translation.published_title,
            snippet=result.snippet_text,
            path=article_path(result.translation),
            category=result.translation.article.section.category.localized_name,
        )
        for result in results
    ]


def _suggest_in_either_language(
    *, text: str, preferred: str, user: Reader, limit: int
) -> tuple[str, list[ArticleSuggestion]]:
    """Suggestions in the page's language, else in the other one, with the language that found them.

    A customer reading the English page may well type German ("Rücksendeetikett"),
    and a few words are too few to tell the language by.
    """
    others = [language for language in textsearch.LANGUAGES if language != preferred]
    for language in [preferred, *others]:
        suggestions = suggest_articles(text=text, language=language, user=user, limit=limit)
        if suggestions:
            return language, suggestions
    return preferred, []


_TOKEN_SALT = "tierdesk.knowledge.deflection"


def _user_id(user: Reader) -> int | None:
    return user.pk if user is not None and user.is_authenticated else None


def _attempt_from_token(token: str, user: Reader) -> DeflectionAttempt | None:
    """The attempt a (signed) token names, if it belongs to ``user``; forged tokens give None."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=_TOKEN_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("u") != _user_id(user):
        return None
    attempt_id = data.get("a")
    if not isinstance(attempt_id, int):
        return None
    return DeflectionAttempt.objects.select_for_update().filter(pk=attempt_id).first()


def deflection_token(attempt: DeflectionAttempt) -> str:
    return signing.dumps({"a": attempt.pk, "u": attempt.user_id}, salt=_TOKEN_SALT)


@dataclass(frozen=True)
class DeflectionOffer:
    token: str
    suggestions: list[ArticleSuggestion]


@transaction.atomic
def deflection_suggest(
    *, token: str, text: str, language: str, channel: str, user: Reader = None, limit: int = 3
) -> DeflectionOffer:
    """Suggestions for what the customer typed so far, recorded on their attempt.

    The attempt starts when suggestions are shown the first time; the returned
    token names it in the form's later requests.
    """
    language, suggestions = _suggest_in_either_language(
        text=text, preferred=normalise_language(language), user=user, limit=limit
    )
    attempt = _attempt_from_token(token, user)
    if attempt is not None and attempt.outcome != DeflectionOutcome.OPEN:
        attempt = None
    if not suggestions:
        return DeflectionOffer(token=deflection_token(attempt) if attempt else "", suggestions=[])
    if attempt is None:
        attempt = DeflectionAttempt.objects.create(
            channel=channel if channel in SearchSource.values else SearchSource.PORTAL,
            user_id=_user_id(user),
            language=language,
        )
    attempt.text = clean_text(" ".join(text.split()))[:500]
    if attempt.category_id is None:
        first = Article.objects.select_related("section").get(pk=suggestions[0].article_id)
        attempt.category_id = first.section.category_id
    attempt.save(update_fields=["text", "category"])
    already = set(
        DeflectionShown.objects.filter(attempt=attempt).values_list("article_id", flat=True)
    )
    DeflectionShown.objects.bulk_create(
        [
            DeflectionShown(attempt=attempt, article_id=suggestion.article_id, rank=rank)
            for rank, suggestion in enumerate(suggestions, start=1)
            if suggestion.article_id not in already
        ]
    )
    return DeflectionOffer(token=deflection_token(attempt), suggestions=suggestions)


@transaction.atomic
def deflection_solved(*, token: str, article_id: int, user: Reader = None) -> DeflectionAttempt:
    """ "This solved my problem": the attempt ends as deflected by that article."""
    attempt = _attempt_from_token(token, user)
    if attempt is None:
        raise InvalidArticleChange("This suggestion has expired; please search the help center.")
    if not DeflectionShown.objects.filter(attempt=attempt, article_id=article_id).exists():
        raise InvalidArticleChange("This article was not suggested to you.")
    if attempt.outcome == DeflectionOutcome.SUBMITTED:
        raise InvalidArticleChange("Your request was already sent.")
    attempt.outcome = DeflectionOutcome.DEFLECTED
    attempt.solved_by_id = article_id
    attempt.ended_at = timezone.now()
    attempt.save(update_fields=["outcome", "solved_by", "ended_at"])
    return attempt


@transaction.atomic
def deflection_submitted(
    *, token: str, ticket: Ticket, user: Reader = None
) -> DeflectionAttempt | None:
    """The customer sent the request anyway: the attempt ends as submitted, with the ticket.

    Without a (valid) token nothing was shown and nothing is recorded.
    """
    attempt = _attempt_from_token(token, user)
    if attempt is None:
        return None
    attempt.outcome = DeflectionOutcome.SUBMITTED
    attempt.ticket = ticket
    attempt.ended_at = timezone.now()
    try:
        attempt.save(update_fields=["outcome", "ticket", "ended_at"])
    except IntegrityError:  # pragma: no cover - the ticket was rolled back meanwhile
        return None
    return attempt


@transaction.atomic
def article_create_draft_from_text(
    *, title: str, body_html: str, language: str, author: User, source: str
) -> Article:
    """An internal draft from text written elsewhere (e.g. an accepted forum answer).

    It lands in the drafts section, visible to agents only, until an editor files,
    reviews and publishes it; ``source`` (a URL) is kept in the version note.
    """
    return article_create(
        actor=author,
        section=_draft_section(),
        language=language if language in LANGUAGES else "de",
        title=title,
        body=body_html,
        visibility=Visibility.INTERNAL,
        note=f"From {source}"[:300],
    )
