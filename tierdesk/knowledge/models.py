"""The help center: categories and sections, articles with translations and versions,
votes, search analytics, and the record of deflection attempts.

An article is one piece of knowledge; each language is a translation of it with its
own title, text, state (draft, in review, published) and version history.
Visibility belongs to the article: public (everyone, no login) or internal (agents).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal (agents only)")


class TranslationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class Category(models.Model):
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_de = models.CharField(_("name (German)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return self.name_de if (get_language() or "").startswith("de") else self.name_en

    @property
    def localized_description(self) -> str:
        return (
            self.description_de if (get_language() or "").startswith("de") else self.description_en
        )


class Section(models.Model):
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="sections"
    )
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_de = models.CharField(_("name (German)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["category__position", "position", "slug"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return self.name_de if (get_language() or "").startswith("de") else self.name_en


class Article(models.Model):
    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles"
    )
    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("A stable name that does not depend on the language, used in links."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    team = models.ForeignKey(
        "teams.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    is_faq = models.BooleanField(
        _("in the team's FAQ"), default=False, help_text=_("Listed in the FAQ of its team.")
    )
    faq_position = models.PositiveSmallIntegerField(_("FAQ position"), default=0)
    related = models.ManyToManyField("self", verbose_name=_("related articles"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["section", "key"]
        indexes = [models.Index(fields=["team", "is_faq"])]

    def __str__(self) -> str:
        return self.key

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


class ArticleTranslation(models.Model):
    """One language of an article. The latest text is here; every saved text is a version."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200)
    body_html = models.TextField(_("text"))
    body_text = models.TextField(blank=True)
    keywords = models.CharField(
        _("search keywords"),
        max_length=300,
        blank=True,
        help_text=_("Other words customers use for this, separated by commas."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=TranslationState.choices, default=TranslationState.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    published_version = models.PositiveIntegerField(null=True, blank=True)
    published_title = models.CharField(max_length=200, blank=True)
    published_html = models.TextField(blank=True)
    published_text = models.TextField(blank=True)
    published_keywords = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="one_translation_per_language"
            )
        ]
        indexes = [models.Index(fields=["language", "published_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def is_live(self) -> bool:
        """Whether readers see a published text (possibly older than the draft being edited)."""
        return self.published_version is not None


class ArticleVersion(models.Model):
    """A saved text of a translation; the history of who changed what and when."""

    translation = models.ForeignKey(
        ArticleTranslation, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body_html = models.TextField()
    keywords = models.CharField(max_length=300, blank=True)
    note = models.CharField(_("change note"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["translation", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.translation_id} v{self.number}"


def article_file_path(instance: ArticleFile, filename: str) -> str:
    return f"knowledge/{instance.article_id}/{timezone.now():%Y%m}/{filename}"


class ArticleFile(models.Model):
    """An image or attachment of an article; readable by whoever may read the article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=article_file_path, max_length=300)
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120, default="application/octet-stream")
    size_bytes = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.filename

    @property
    def is_image(self) -> bool:
        return self.content_type in {"image/png", "image/jpeg", "image/gif", "image/webp"}


class SearchDocument(models.Model):
    """The pre-stemmed text of a published translation, as the full-text index reads it.

    On SQLite an FTS5 table mirrors ``title_terms``/``body_terms`` (triggers keep it
    in step); on PostgreSQL a generated ``tsvector`` column with a GIN index does.
    Both are made in migration 0002.
    """

    translation = models.OneToOneField(
        ArticleTranslation, on_delete=models.CASCADE, related_name="search_document"
    )
    language = models.CharField(max_length=8)
    is_public = models.BooleanField()
    title_terms = models.TextField()
    body_terms = models.TextField()

    def __str__(self) -> str:
        return f"search document of translation {self.translation_id}"


class SearchTitle(models.Model):
    """The title part of a search document, in a row a tenth the size of the document's.

    A common word is in thousands of titles. PostgreSQL ranks all of them by their
    title alone, from these narrow rows (a ``tsvector`` over ``title_terms`` with
    its own GIN index, migration 0004), and reads the whole document only for the
    best. ``word_count`` is the length of the whole document, which the rank is
    divided by.
    """

    document = models.OneToOneField(
        SearchDocument, primary_key=True, on_delete=models.CASCADE, related_name="title"
    )
    language = models.CharField(max_length=8)
    is_public = models.BooleanField()
    title_terms = models.TextField()
    word_count = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"search title of document {self.document_id}"


class SearchTerm(models.Model):
    """Every index term with the number of documents that hold it.

    Used for typo tolerance, prefix completion and splitting German compounds,
    identically on every database.
    """

    language = models.CharField(max_length=8)
    term = models.CharField(max_length=64)
    # The term spelt backwards: "ends with" becomes a range scan on an index.
    reversed_term = models.CharField(max_length=64)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "term"], name="one_search_term")]
        indexes = [models.Index(fields=["language", "reversed_term"])]

    def __str__(self) -> str:
        return f"{self.term} ({self.language})"


class SearchVocabularyVersion(models.Model):
    """One row whose ``token`` changes, in the same transaction, with every change of the vocabulary.

    Each process keeps the expansions of query words it computed (prefixes,
    compounds, typos) as long as the token it reads is the one they were computed
    under. A fresh random token, not a counter, so that a rolled-back change can
    never leave a token that a later, different vocabulary gets again.
    """

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token


class SearchSource(models.TextChoices):
    HELP_CENTER = "help_center", _("Help center")
    PORTAL = "portal", _("New request in the portal")
    CONTACT_FORM = "contact_form", _("Contact form")
    API = "api", _("API")
    DESK = "desk", _("Agent workspace")


class SearchQuery(models.Model):
    """A search someone ran, for the analytics (top queries, content gaps)."""

    text = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True)
    language = models.CharField(max_length=8)
    source = models.CharField(max_length=20, choices=SearchSource.choices)
    result_count = models.PositiveIntegerField()
    by_staff = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return self.text


class ArticleVote(models.Model):
    """ "Was this helpful?" One vote per reader and translation; changing it replaces it."""

    translation = models.ForeignKey(
        ArticleTranslation, on_delete=models.CASCADE, related_name="votes"
    )
    voter_key = models.CharField(max_length=80)
    helpful = models.BooleanField()
    comment = models.TextField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["translation", "voter_key"], name="one_vote_per_reader")
        ]

    def __str__(self) -> str:
        return f"{'+' if self.helpful else '-'} {self.translation_id}"


class DeflectionOutcome(models.TextChoices):
    OPEN = "open", _("Open")
    DEFLECTED = "deflected", _("Solved by an article")
    SUBMITTED = "submitted", _("Request submitted")


class DeflectionAttempt(models.Model):
    """A customer about to write to us who was shown matching articles.

    Started when the first suggestions are shown; ends as ``deflected`` ("this solved
    my problem") or ``submitted`` (the request was sent anyway). Open attempts are
    abandoned forms.
    """

    channel = models.CharField(max_length=20, choices=SearchSource.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(max_length=8)
    text = models.CharField(max_length=500, blank=True)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(
        max_length=10, choices=DeflectionOutcome.choices, default=DeflectionOutcome.OPEN
    )
    solved_by = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ticket = models.ForeignKey(
        "tickets.Ticket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    shown = models.ManyToManyField["Article", "DeflectionShown"](
        Article, through="DeflectionShown", related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["outcome", "created_at"])]

    def __str__(self) -> str:
        return f"{self.channel} {self.outcome} {self.created_at:%Y-%m-%d}"


class DeflectionShown(models.Model):
    attempt = models.ForeignKey(DeflectionAttempt, on_delete=models.CASCADE)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    first_shown_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "article"], name="shown_once_per_attempt")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}: {self.article_id} at {self.rank}"
