"""The community forum: categories, threads (questions), posts, votes, flags, moderation.

A thread's question is its first post (``is_question``), so votes, flags and
hiding work the same way on questions and answers. Counters and the search text
are kept up to date by the services in ``tierdesk.community.services``; nothing
here computes or saves anything by itself.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")
        ordering = ["position", "name_en"]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        return self.name_de if (get_language() or "").startswith("de") else self.name_en

    @property
    def localized_description(self) -> str:
        german = (get_language() or "").startswith("de")
        return self.description_de if german else self.description_en


class Thread(models.Model):
    """A question in the forum, with its answers as posts."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.PROTECT,
        related_name="forum_threads",
    )
    language = models.CharField(_("language"), max_length=8, default="de")
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # Kept by the services: visible answers, and the question's vote score.
    answer_count = models.PositiveIntegerField(_("answers"), default=0)
    score = models.IntegerField(_("score"), default=0)
    accepted_answer = models.ForeignKey(
        "Post",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    locked_reason = models.CharField(_("reason for locking"), max_length=300, blank=True)
    # The ticket an agent opened from this thread (the ticket links back in a note).
    ticket = models.ForeignKey(
        "tickets.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_threads",
    )
    # The knowledge-base draft made from the accepted answer (its primary key).
    knowledge_article_id = models.BigIntegerField(_("knowledge-base draft"), null=True, blank=True)
    # Case-folded title and visible text, for search that ignores case and ß/ss.
    search_title = models.CharField(max_length=200, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("forum thread")
        verbose_name_plural = _("forum threads")
        ordering = ["-last_activity_at", "-id"]
        indexes = [
            models.Index(fields=["category", "is_hidden", "-last_activity_at"]),
            models.Index(fields=["is_hidden", "answer_count", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_answered(self) -> bool:
        return self.answer_count > 0


class Post(models.Model):
    """The question of a thread or an answer to it. Body is sanitised HTML."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="forum_posts",
    )
    is_question = models.BooleanField(_("question"), default=False)
    body_html = models.TextField(_("text"))
    body_text = models.TextField(_("plain text"), blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    score = models.IntegerField(_("score"), default=0)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("forum post")
        verbose_name_plural = _("forum posts")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["thread"], condition=Q(is_question=True), name="one_question_per_thread"
            )
        ]

    def __str__(self) -> str:
        return f"{self.thread.title} · {self.pk}"


class Vote(models.Model):
    """One user's vote on one post: +1 or -1. Changing one's mind updates the row."""

    UP = 1
    DOWN = -1

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_votes"
    )
    value = models.SmallIntegerField(_("vote"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["post", "voter"], name="one_vote_per_user_and_post"),
            models.CheckConstraint(condition=Q(value__in=(1, -1)), name="vote_is_up_or_down"),
        ]

    def __str__(self) -> str:
        return f"{self.value:+d} on {self.post_id} by {self.voter_id}"


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Rude or offensive")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_DATA = "personal_data", _("Contains personal data")
    OTHER = "other", _("Something else")


class Flag(models.Model):
    """A user's report that a post needs a moderator's look."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_flags"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_flag_per_user_and_post")
        ]
        indexes = [models.Index(fields=["resolved_at", "post"])]

    def __str__(self) -> str:
        return f"{self.reason} on {self.post_id}"


class ModerationKind(models.TextChoices):
    HIDDEN = "hidden", _("Hidden")
    UNHIDDEN = "unhidden", _("Shown again")
    FLAGS_DISMISSED = "flags_dismissed", _("Flags dismissed")
    LOCKED = "locked", _("Locked")
    UNLOCKED = "unlocked", _("Unlocked")
    TICKET_CREATED = "ticket_created", _("Ticket opened")
    KNOWLEDGE_DRAFT = "knowledge_draft", _("Knowledge-base draft made")


class ModerationAction(models.Model):
    """What staff did to a thread or post, and why: the forum's audit trail."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="moderation")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=ModerationKind.choices)
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} · {self.thread_id}"
