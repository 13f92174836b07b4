"""The public help center (no login needed): browse, search, read, vote; and deflection.

Agents see internal articles too. Every read goes through ``selectors``, every
write through ``services``.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import translation as i18n
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tierdesk.accounts.permissions import can_edit_articles
from tierdesk.knowledge import selectors, services
from tierdesk.knowledge.errors import InvalidArticleChange
from tierdesk.knowledge.forms import VoteForm
from tierdesk.knowledge.models import (
    ArticleFile,
    ArticleTranslation,
    Category,
    SearchSource,
)

VOTER_SESSION_KEY = "knowledge_voter"


def _language(request: HttpRequest) -> str:
    return selectors.normalise_language(request.GET.get("lang") or i18n.get_language())


def home(request: HttpRequest) -> HttpResponse:
    language = _language(request)
    categories = selectors.categories_for(request.user, language)
    return render(request, "knowledge/home.html", {"categories": categories, "language": language})


def search_page(request: HttpRequest) -> HttpResponse:
    """The results page; the query is logged for the analytics."""
    language = _language(request)
    query = request.GET.get("q", "")[:200]
    results = (
        services.search_and_log(
            request.user, query, language=language, source=SearchSource.HELP_CENTER
        )
        if query.strip()
        else []
    )
    context = {"query": query, "results": results, "language": language}
    return render(request, "knowledge/search.html", context)


def search_live(request: HttpRequest) -> HttpResponse:
    """Search-as-you-type (htmx): results so far, not logged (every keystroke would be)."""
    language = _language(request)
    query = request.GET.get("q", "")[:200]
    results = selectors.search_articles(
        request.user, query, language=language, limit=8, typing=True
    )
    return render(request, "knowledge/_results.html", {"query": query, "results": results})


def category_page(request: HttpRequest, slug: str) -> HttpResponse:
    language = _language(request)
    try:
        category = selectors.category_for(request.user, slug, language)
    except Category.DoesNotExist:
        raise Http404(_("No such category.")) from None
    return render(request, "knowledge/category.html", {"category": category, "language": language})


def article_page_view(request: HttpRequest, key: str) -> HttpResponse:
    language = _language(request)
    try:
        translation = selectors.article_page(request.user, key, language)
    except ArticleTranslation.DoesNotExist:
        raise Http404(_("No such article.")) from None
    context = {
        "translation": translation,
        "article": translation.article,
        "related": selectors.related_articles(request.user, translation),
        "files": translation.article.files.all(),
        "vote_form": VoteForm(),
        "can_edit": can_edit_articles(request.user),  # type: ignore[arg-type]
        "voted": request.GET.get("voted") == "1",
    }
    return render(request, "knowledge/article.html", context)


def _voter_key(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    key = request.session.get(VOTER_SESSION_KEY)
    if not key:
        key = secrets.token_urlsafe(16)
        request.session[VOTER_SESSION_KEY] = key
    return f"session:{key}"


@require_POST
def vote(request: HttpRequest, key: str) -> HttpResponse:
    language = _language(request)
    try:
        translation = selectors.article_page(request.user, key, language)
    except ArticleTranslation.DoesNotExist:
        raise Http404(_("No such article.")) from None
    form = VoteForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Please answer yes or no."), status=400)
    services.article_vote(
        translation=translation,
        voter_key=_voter_key(request),
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
        user=request.user,
    )
    messages.success(request, _("Thank you for your feedback."))
    return redirect(selectors.article_path(translation) + "&voted=1")


def faq_page(request: HttpRequest, team: str) -> HttpResponse:
    language = _language(request)
    entries = selectors.faq_for_team(request.user, team, language)
    if not entries:
        raise Http404(_("No FAQ for this team."))
    return render(request, "knowledge/faq.html", {"entries": entries, "team": team})


def file_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """An article's image or file, for whoever may read the article (agents: drafts too)."""
    visible = selectors.articles_visible_to(request.user)
    if not can_edit_articles(request.user):  # type: ignore[arg-type]
        visible = visible.filter(translations__published_version__isnull=False)
    found = ArticleFile.objects.filter(pk=pk, article__in=visible).first()
    if found is None:
        raise Http404(_("No such file."))
    # Images are shown inline; everything else (and anything unexpected) is a download.
    response = FileResponse(
        found.file.open("rb"),
        content_type=found.content_type,
        as_attachment=not found.is_image,
        filename=found.filename,
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# ---------------------------------------------------------------- deflection


def suggest(request: HttpRequest) -> HttpResponse:
    """Articles matching what someone is typing into a contact form (htmx, POST).

    Expects ``subject``, ``body`` (the contact form calls it ``message``),
    ``deflection_token`` and ``channel``; answers the suggestion list with the
    attempt's token (swapped into the form's hidden field).
    """
    if request.method != "POST":
        return HttpResponse(status=405)
    body = request.POST.get("body") or request.POST.get("message", "")
    text = f"{request.POST.get('subject', '')} {body[:1000]}"
    offer = services.deflection_suggest(
        token=request.POST.get("deflection_token", ""),
        text=text,
        language=selectors.normalise_language(request.POST.get("language") or i18n.get_language()),
        channel=request.POST.get("channel", SearchSource.PORTAL),
        user=request.user,
    )
    return render(request, "knowledge/_suggestions.html", {"offer": offer})


@require_POST
def solved(request: HttpRequest) -> HttpResponse:
    """ "This solved my problem": the attempt counts as deflected; show the article."""
    try:
        article_id = int(request.POST.get("article", ""))
        attempt = services.deflection_solved(
            token=request.POST.get("deflection_token", ""), article_id=article_id, user=request.user
        )
    except (ValueError, InvalidArticleChange) as error:
        message = (
            error.message if isinstance(error, InvalidArticleChange) else _("Unknown article.")
        )
        return render(request, "knowledge/solved.html", {"error": message}, status=400)
    return render(request, "knowledge/solved.html", {"attempt": attempt})
