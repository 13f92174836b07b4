"""Agents' pages of the help center: writing, reviewing, publishing, history, analytics,
and the helpers of the ticket view (find an article link, turn a reply into a draft).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tierdesk.accounts.permissions import can_publish_articles
from tierdesk.desk.access import current_user, desk_staff_required
from tierdesk.knowledge import selectors, services
from tierdesk.knowledge.errors import ArticleFileRejected, ArticleNotAllowed
from tierdesk.knowledge.forms import (
    ArticleSettingsForm,
    FileForm,
    FromMessageForm,
    NewArticleForm,
    TranslationForm,
)
from tierdesk.knowledge.models import ArticleTranslation, SearchSource, TranslationState
from tierdesk.tickets.errors import TicketError
from tierdesk.tickets.models import Message

PAGE_SIZE = 100


@desk_staff_required
def article_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state") or None
    if state not in {None, *TranslationState.values}:
        state = None
    translations = selectors.articles_for_editing(current_user(request), state=state)[:PAGE_SIZE]
    return render(
        request, "knowledge/manage_list.html", {"translations": translations, "state": state}
    )


@desk_staff_required
def article_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = NewArticleForm(request.POST or None, initial={"language": "de", "visibility": "public"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            article = services.article_create(
                actor=user,
                section=data["section"],
                language=data["language"],
                title=data["title"],
                body=data["body"],
                keywords=data["keywords"],
                visibility=data["visibility"],
                team=data["team"],
                is_faq=data["is_faq"],
                note=data["note"],
            )
        except TicketError as error:
            form.add_error(None, error.message)
        else:
            return redirect("knowledge:edit", key=article.key, language=data["language"])
    status = 400 if request.method == "POST" else 200
    return render(request, "knowledge/manage_new.html", {"form": form}, status=status)


def _translation(request: HttpRequest, key: str, language: str) -> ArticleTranslation:
    try:
        return selectors.translation_for_editing(current_user(request), key, language)
    except ArticleTranslation.DoesNotExist:
        raise Http404(_("No such article.")) from None


def _edit_context(translation: ArticleTranslation, **forms: Any) -> dict[str, Any]:
    article = translation.article
    return {
        "translation": translation,
        "article": article,
        "text_form": forms.get("text")
        or TranslationForm(
            initial={
                "title": translation.title,
                "body": translation.body_html,
                "keywords": translation.keywords,
            }
        ),
        "settings_form": forms.get("settings")
        or ArticleSettingsForm(
            initial={
                "section": article.section_id,
                "visibility": article.visibility,
                "team": article.team_id,
                "is_faq": article.is_faq,
            }
        ),
        "file_form": forms.get("file") or FileForm(),
        "versions": translation.versions.select_related("author")[:50],
        "files": article.files.all(),
        "other_languages": [code for code in ("de", "en") if code != translation.language],
    }


@desk_staff_required
def edit(request: HttpRequest, key: str, language: str) -> HttpResponse:
    """Edit one translation; a missing translation is started from an empty form."""
    user = current_user(request)
    try:
        translation = _translation(request, key, language)
    except Http404:
        article = selectors.article_for_editing(user, key) if language in ("de", "en") else None
        if article is None:
            raise
        form = TranslationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.translation_save(
                    actor=user, article=article, language=language, **form.cleaned_data
                )
            except TicketError as error:
                form.add_error(None, error.message)
            else:
                return redirect("knowledge:edit", key=key, language=language)
        context = {"article": article, "language": language, "text_form": form}
        return render(
            request,
            "knowledge/manage_translate.html",
            context,
            status=400 if request.method == "POST" else 200,
        )
    context = _edit_context(translation)
    context["can_publish"] = can_publish_articles(user)
    return render(request, "knowledge/manage_edit.html", context)


@desk_staff_required
@require_POST
def edit_action(request: HttpRequest, key: str, language: str, action: str) -> HttpResponse:
    user = current_user(request)
    translation = _translation(request, key, language)
    forms: dict[str, Any] = {}
    form: Any
    try:
        if action == "save":
            forms["text"] = form = TranslationForm(request.POST)
            if not form.is_valid():
                raise _FormInvalid
            services.translation_save(
                actor=user, article=translation.article, language=language, **form.cleaned_data
            )
        elif action == "settings":
            forms["settings"] = form = ArticleSettingsForm(request.POST)
            if not form.is_valid():
                raise _FormInvalid
            services.article_update(actor=user, article=translation.article, **form.cleaned_data)
        elif action == "file":
            forms["file"] = form = FileForm(request.POST, request.FILES)
            if not form.is_valid():
                raise _FormInvalid
            services.article_file_add(
                actor=user, article=translation.article, upload=form.cleaned_data["file"]
            )
        elif action == "review":
            services.translation_submit_for_review(actor=user, translation=translation)
        elif action == "publish":
            services.translation_publish(actor=user, translation=translation)
        elif action == "unpublish":
            services.translation_unpublish(actor=user, translation=translation)
        elif action == "restore":
            services.translation_restore(
                actor=user, translation=translation, number=int(request.POST.get("number", "0"))
            )
        else:
            raise Http404(_("Unknown action."))
    except (_FormInvalid, TicketError, ValueError) as error:
        if isinstance(error, TicketError):
            messages.error(request, error.message)
        fresh = _translation(request, key, language)
        context = _edit_context(fresh, **forms)
        context["can_publish"] = can_publish_articles(user)
        status = 400
        if isinstance(error, ArticleFileRejected):
            status = 413
        elif isinstance(error, ArticleNotAllowed):
            status = 403
        return render(request, "knowledge/manage_edit.html", context, status=status)
    messages.success(request, _("Saved."))
    return redirect("knowledge:edit", key=key, language=language)


class _FormInvalid(Exception):
    pass


@desk_staff_required
def analytics(request: HttpRequest) -> HttpResponse:
    """Search analytics and the deflection report for agents and managers."""
    try:
        days = max(1, min(int(request.GET.get("days", "30")), 3660))
    except ValueError:
        days = 30
    by = request.GET.get("by", "week")
    if by not in selectors.TRUNCATIONS:
        by = "week"
    channel = request.GET.get("channel", "")
    if channel not in SearchSource.values:
        channel = ""
    now = timezone.now()
    period = selectors.Period.last_days(days, now=now)
    context = {
        "days": days,
        "by": by,
        "channel": channel,
        "channels": SearchSource.choices,
        "search": selectors.search_analytics(since=now - timedelta(days=days)),
        "deflection": selectors.deflection_rate(period, channel=channel or None),
        "by_channel": selectors.deflection_by_channel(period),
        "report": selectors.deflection_report(period, by=by, channel=channel or None),
    }
    return render(request, "knowledge/analytics.html", context)


@desk_staff_required
def link_search(request: HttpRequest) -> HttpResponse:
    """The ticket view's "insert article link" panel (htmx): published articles with links."""
    query = request.GET.get("q", "")[:200]
    language = selectors.normalise_language(request.GET.get("lang"))
    results = (
        services.search_and_log(
            current_user(request), query, language=language, source=SearchSource.DESK, limit=6
        )
        if len(query.strip()) >= 2
        else []
    )
    context = {
        "results": results,
        "query": query,
        "base_url": settings.TIERDESK_BASE_URL.rstrip("/"),
    }
    return render(request, "knowledge/_link_results.html", context)


@desk_staff_required
@require_POST
def from_message(request: HttpRequest, message_id: int) -> HttpResponse:
    """Turn an agent's reply into an internal draft article and open it for editing."""
    user = current_user(request)
    message = Message.objects.select_related("ticket").filter(pk=message_id).first()
    form = FromMessageForm(request.POST)
    if message is None or not form.is_valid():
        raise Http404(_("No such reply."))
    try:
        article = services.article_draft_from_message(
            actor=user, message=message, section=form.cleaned_data["section"]
        )
    except ArticleNotAllowed:
        raise Http404(_("No such reply.")) from None
    except TicketError as error:
        messages.error(request, error.message)
        return redirect("desk:ticket", number=message.ticket.number)
    messages.success(request, _("Draft article created from the reply. Edit it before publishing."))
    language = article.translations.values_list("language", flat=True).first() or "de"
    return redirect("knowledge:edit", key=article.key, language=language)
