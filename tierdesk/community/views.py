"""The forum's pages: public reading, posting for logged-in users, moderation for staff.

Every write is one service call. A refused action re-renders the thread with the
user's input kept and the reason shown (400 for bad input, 403 when not allowed);
success redirects back (post/redirect/get).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.forms import Form, IntegerField
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tierdesk.community import forms, selectors, services
from tierdesk.community.errors import ForumError, NotAllowed
from tierdesk.community.models import Category, Post, Thread
from tierdesk.community.permissions import (
    can_accept_answer,
    can_moderate,
    can_promote_to_knowledge,
    can_take_part,
)
from tierdesk.desk.access import current_user, desk_staff_required

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

PAGE_SIZE = 30
RECENT_ON_INDEX = 15


def index(request: HttpRequest) -> HttpResponse:
    """Categories with counts and the most recently active threads."""
    user = request.user
    context = {
        "categories": selectors.categories_with_counts(user),
        "threads": list(selectors.thread_list(user)[:RECENT_ON_INDEX]),
        "search_form": forms.SearchForm(),
    }
    return render(request, "community/index.html", context)


def category_page(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug, is_active=True)
    sort = request.GET.get("sort", "activity")
    sort = sort if sort in selectors.SORTS else "activity"
    unanswered = request.GET.get("unanswered") == "1"
    threads = selectors.thread_list(
        request.user, category=category, sort=sort, unanswered=unanswered
    )
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {"sort": sort, **({"unanswered": "1"} if unanswered else {})}
    context = {
        "category": category,
        "page": page,
        "sort": sort,
        "unanswered": unanswered,
        "extra_query": urlencode(query) + "&",
    }
    return render(request, "community/category.html", context)


def search(request: HttpRequest) -> HttpResponse:
    form = forms.SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    page = None
    if query:
        results = selectors.search_threads(request.user, query)
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "search_form": form,
        "query": query,
        "page": page,
        "extra_query": urlencode({"q": query}) + "&",
    }
    return render(request, "community/search.html", context)


def _thread_or_404(request: HttpRequest, pk: int) -> Thread:
    try:
        return selectors.thread_for(request.user, pk)
    except Thread.DoesNotExist:
        raise Http404(_("This thread does not exist or is not visible.")) from None


def _render_thread(
    request: HttpRequest,
    thread: Thread,
    *,
    status: int = 200,
    answer_form: forms.AnswerForm | None = None,
    error: str = "",
) -> HttpResponse:
    user = request.user
    posts = selectors.posts_of(thread, user)
    moderator = can_moderate(user)
    context: dict[str, Any] = {
        "thread": thread,
        "question": posts[0] if posts and posts[0].is_question else None,
        "answers": [post for post in posts if not post.is_question],
        "my_votes": selectors.votes_of(user, posts),
        "my_flags": selectors.flagged_by(user, posts),
        "can_take_part": can_take_part(user),
        "can_accept": can_accept_answer(user, thread),
        "can_moderate": moderator,
        "can_promote": can_promote_to_knowledge(user),
        "answer_form": answer_form or forms.AnswerForm(),
        "flag_form": forms.FlagForm(),
        "reason_form": forms.ReasonForm(),
        "ticket_form": forms.TicketForm() if moderator else None,
        "error": error,
    }
    return render(request, "community/thread.html", context, status=status)


def thread_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_thread(request, _thread_or_404(request, pk))


def _login_first(request: HttpRequest, next_url: str) -> HttpResponse | None:
    if request.user.is_authenticated:
        return None
    return redirect_to_login(next_url)


def _refused(
    request: HttpRequest, thread: Thread, error: ForumError, **kwargs: Any
) -> HttpResponse:
    status = 403 if isinstance(error, NotAllowed) else 400
    return _render_thread(request, thread, status=status, error=error.message, **kwargs)


def ask(request: HttpRequest) -> HttpResponse:
    """Ask a question (logged-in customers and staff)."""
    if (response := _login_first(request, request.get_full_path())) is not None:
        return response
    user = current_user(request)
    language = (get_language() or user.language)[:2]
    initial = {"language": language, "category": request.GET.get("category")}
    if request.method != "POST":
        form = forms.AskForm(initial=initial)
        return render(request, "community/ask.html", {"form": form})
    form = forms.AskForm(request.POST)
    if form.is_valid():
        try:
            thread = services.thread_create(author=user, **form.cleaned_data)
        except ForumError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your question is online."))
            return redirect("community:thread", pk=thread.pk)
    return render(request, "community/ask.html", {"form": form}, status=400)


@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    thread = _thread_or_404(request, pk)
    thread_url = reverse("community:thread", kwargs={"pk": pk})
    if (response := _login_first(request, thread_url)) is not None:
        return response
    form = forms.AnswerForm(request.POST)
    if not form.is_valid():
        return _render_thread(request, thread, status=400, answer_form=form)
    try:
        post = services.answer_create(
            thread=thread, author=current_user(request), body=form.cleaned_data["body"]
        )
    except ForumError as error:
        return _refused(request, thread, error, answer_form=form)
    messages.success(request, _("Thank you for your answer."))
    return redirect(f"{thread_url}#post-{post.pk}")


@require_POST
def vote(request: HttpRequest, post_pk: int) -> HttpResponse:
    post = _post_or_404(request, post_pk)
    thread_url = reverse("community:thread", kwargs={"pk": post.thread_id})
    if (response := _login_first(request, thread_url)) is not None:
        return response
    user = current_user(request)
    value = services.VOTE_VALUES.get(request.POST.get("value", ""), 99)
    try:
        services.post_vote(post=post, voter=user, value=value)
    except ForumError as error:
        if request.headers.get("HX-Request"):
            return _vote_widget(request, post, error=error.message, status=400)
        return _refused(request, post.thread, error)
    if request.headers.get("HX-Request"):
        return _vote_widget(request, post)
    return redirect(f"{thread_url}#post-{post.pk}")


def _vote_widget(
    request: HttpRequest, post: Post, *, error: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "post": post,
        "my_vote": selectors.votes_of(request.user, [post]).get(post.pk, 0),
        "can_take_part": can_take_part(request.user),
        "vote_error": error,
    }
    return render(request, "community/_vote.html", context, status=status)


def _post_or_404(request: HttpRequest, post_pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("thread"), pk=post_pk)
    thread = _thread_or_404(request, post.thread_id)
    if post.is_hidden and not can_moderate(request.user):
        raise Http404(_("This post does not exist or is not visible."))
    post.thread = thread
    return post


PostAction = Callable[[Post, "User", dict[str, Any]], str]


def _flag(post: Post, user: User, data: dict[str, Any]) -> str:
    services.post_flag(post=post, reporter=user, reason=data["reason"], comment=data["comment"])
    return _("Thank you. A moderator will look at this post.")


def _hide(post: Post, user: User, data: dict[str, Any]) -> str:
    services.post_hide(post=post, actor=user, reason=data["reason"])
    return _("The post is hidden.")


def _unhide(post: Post, user: User, data: dict[str, Any]) -> str:
    services.post_unhide(post=post, actor=user)
    return _("The post is visible again.")


def _dismiss(post: Post, user: User, data: dict[str, Any]) -> str:
    services.flags_dismiss(post=post, actor=user, reason=data["reason"])
    return _("The reports were dismissed.")


POST_ACTIONS: dict[str, tuple[type[Form], PostAction]] = {
    "flag": (forms.FlagForm, _flag),
    "hide": (forms.ReasonForm, _hide),
    "unhide": (forms.ReasonForm, _unhide),
    "dismiss": (forms.ReasonForm, _dismiss),
}


@require_POST
def post_action(request: HttpRequest, post_pk: int, action: str) -> HttpResponse:
    if action not in POST_ACTIONS:
        raise Http404(_("Unknown action."))
    post = _post_or_404(request, post_pk)
    thread_url = reverse("community:thread", kwargs={"pk": post.thread_id})
    if (response := _login_first(request, thread_url)) is not None:
        return response
    form_class, perform = POST_ACTIONS[action]
    form = form_class(request.POST)
    if not form.is_valid():
        return _render_thread(request, post.thread, status=400, error=_flatten(form))
    try:
        done = perform(post, current_user(request), form.cleaned_data)
    except ForumError as error:
        return _refused(request, post.thread, error)
    messages.success(request, done)
    next_url = request.POST.get("next", "")
    if next_url == "moderation":
        return redirect("community:moderation")
    return redirect(f"{thread_url}#post-{post.pk}")


ThreadAction = Callable[[Thread, "User", dict[str, Any]], str]


def _accept(thread: Thread, user: User, data: dict[str, Any]) -> str:
    chosen = get_object_or_404(Post, pk=data["answer"], thread=thread)
    services.answer_accept(thread=thread, answer=chosen, actor=user)
    return _("The answer is marked as the solution.")


def _unaccept(thread: Thread, user: User, data: dict[str, Any]) -> str:
    services.answer_unaccept(thread=thread, actor=user)
    return _("The answer is no longer marked as the solution.")


def _lock(thread: Thread, user: User, data: dict[str, Any]) -> str:
    services.thread_lock(thread=thread, actor=user, reason=data["reason"])
    return _("The thread is locked.")


def _unlock(thread: Thread, user: User, data: dict[str, Any]) -> str:
    services.thread_unlock(thread=thread, actor=user)
    return _("The thread is open for answers again.")


def _ticket(thread: Thread, user: User, data: dict[str, Any]) -> str:
    ticket = services.thread_to_ticket(thread=thread, actor=user, channel=data["channel"])
    return _("Ticket #%(number)s was opened for the asker.") % {"number": ticket.number}


def _promote(thread: Thread, user: User, data: dict[str, Any]) -> str:
    services.answer_promote_to_knowledge(thread=thread, actor=user)
    return _("A knowledge-base draft was made from the accepted answer.")


class _AcceptForm(Form):
    answer = IntegerField(min_value=1)


THREAD_ACTIONS: dict[str, tuple[type[Form], ThreadAction]] = {
    "accept": (_AcceptForm, _accept),
    "unaccept": (forms.ReasonForm, _unaccept),
    "lock": (forms.ReasonForm, _lock),
    "unlock": (forms.ReasonForm, _unlock),
    "ticket": (forms.TicketForm, _ticket),
    "promote": (forms.ReasonForm, _promote),
}


@require_POST
def thread_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in THREAD_ACTIONS:
        raise Http404(_("Unknown action."))
    thread = _thread_or_404(request, pk)
    thread_url = reverse("community:thread", kwargs={"pk": pk})
    if (response := _login_first(request, thread_url)) is not None:
        return response
    form_class, perform = THREAD_ACTIONS[action]
    form = form_class(request.POST)
    if not form.is_valid():
        return _render_thread(request, thread, status=400, error=_flatten(form))
    try:
        done = perform(thread, current_user(request), form.cleaned_data)
    except ForumError as error:
        return _refused(request, thread, error)
    messages.success(request, done)
    if request.POST.get("next") == "unanswered":
        return redirect("community:unanswered")
    return redirect(thread_url)


def _flatten(form: Form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


@desk_staff_required
def moderation(request: HttpRequest) -> HttpResponse:
    """Posts reported by users, most reported first."""
    queue = selectors.moderation_queue(current_user(request))
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "reason_form": forms.ReasonForm()}
    return render(request, "community/moderation.html", context)


@desk_staff_required
def unanswered(request: HttpRequest) -> HttpResponse:
    """Questions nobody has answered yet, oldest first, with counts."""
    user = current_user(request)
    day_ago = timezone.now() - timedelta(days=1)
    page = Paginator(selectors.unanswered_threads(user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "summary": selectors.unanswered_summary(user, day_ago=day_ago),
        "day_ago": day_ago,
        "ticket_form": forms.TicketForm(),
    }
    return render(request, "community/unanswered.html", context)
