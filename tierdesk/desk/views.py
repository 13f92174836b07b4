"""Agent workspace lists: queues, help requests addressed to me, problem records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tierdesk.accounts.permissions import is_manager
from tierdesk.desk.access import current_user, desk_staff_required
from tierdesk.desk.forms import HelpAnswerForm, QueueSearchForm
from tierdesk.routing.rules import TRIAGE_TAG
from tierdesk.sla.selectors import sla_targets_for_tickets
from tierdesk.teams.models import AgentProfile, Level, Presence, Team
from tierdesk.tickets.errors import TicketError
from tierdesk.tickets.models import HelpRequest, Status, Ticket, TicketType
from tierdesk.tickets.selectors import (
    open_help_requests_for,
    problems_visible_to,
    queue,
    relayed_by,
)
from tierdesk.tickets.services import help_request_answer

if TYPE_CHECKING:
    from tierdesk.accounts.models import User

PAGE_SIZE = 50
VIEWS = ("mine", "unassigned", "triage", "relay")


@dataclass(frozen=True)
class QueueFilter:
    """What the queue page was asked for, read from the query string."""

    team: str
    level: str
    view: str
    search: str

    @classmethod
    def from_query(cls, query: QueryDict) -> QueueFilter:
        search_form = QueueSearchForm(query)
        search = search_form.cleaned_data["q"] if search_form.is_valid() else ""
        view = query.get("view", "")
        return cls(
            team=query.get("team", "")[:40],
            level=query.get("level", "")[:20],
            view=view if view in VIEWS else "",
            search=search.strip(),
        )

    def query_string(self, **overrides: str) -> str:
        values = {"team": self.team, "level": self.level, "view": self.view, "q": self.search}
        values.update(overrides)
        query = QueryDict(mutable=True)
        for key, value in values.items():
            if value:
                query[key] = value
        return query.urlencode()


@dataclass(frozen=True)
class TeamCounts:
    team: Team
    total: int
    by_level: list[tuple[Level, int]]


def _sidebar(user: User) -> dict[str, Any]:
    """Open-ticket counts per team and level, plus mine/unassigned/help/problems (5 queries)."""
    open_tickets = queue(user).order_by()
    grouped = open_tickets.values("team__slug", "level__code").annotate(count=Count("id"))
    counts = {(row["team__slug"], row["level__code"]): row["count"] for row in grouped}
    totals = open_tickets.aggregate(
        mine=Count("id", filter=Q(assignee=user)),
        unassigned=Count("id", filter=Q(assignee__isnull=True)),
        problems=Count("id", filter=Q(type=TicketType.PROBLEM)),
        triage=Count("id", filter=Q(pk__in=_tagged(TRIAGE_TAG))),
        relay=Count("id", filter=relayed_by(user)),
    )
    teams = Team.objects.filter(is_active=True)
    if not is_manager(user):
        slugs = {slug for slug, _level in counts}
        teams = teams.filter(Q(memberships__user=user) | Q(slug__in=slugs)).distinct()
    levels = list(Level.objects.filter(holds_queue=True))
    team_counts = [
        TeamCounts(
            team=team,
            total=sum(count for (slug, _code), count in counts.items() if slug == team.slug),
            by_level=[(level, counts.get((team.slug, level.code), 0)) for level in levels],
        )
        for team in teams
    ]
    return {
        "team_counts": team_counts,
        "levels": levels,
        "mine_count": totals["mine"],
        "unassigned_count": totals["unassigned"],
        "problems_count": totals["problems"],
        "triage_count": totals["triage"],
        "relay_count": totals["relay"],
        "help_count": open_help_requests_for(user).count(),
    }


def _tagged(name: str) -> QuerySet[Any, int]:
    return Ticket.tags.through.objects.filter(tag__name=name).values_list("ticket_id", flat=True)


def _narrowed(tickets: QuerySet[Ticket], user: User, view: str) -> QuerySet[Ticket]:
    """The triage and relay views: tickets left for a person to route, or to relay."""
    if view == "triage":
        return tickets.filter(pk__in=_tagged(TRIAGE_TAG))
    if view == "relay":
        return tickets.filter(relayed_by(user))
    return tickets


def _queue_title(chosen: QueueFilter, sidebar: dict[str, Any]) -> str:
    if chosen.view == "mine":
        title = _("My tickets")
    elif chosen.view == "unassigned":
        title = _("Unassigned tickets")
    elif chosen.view == "triage":
        title = _("Requests to triage")
    elif chosen.view == "relay":
        title = _("Tickets I relay to the customer")
    else:
        title = _("All open tickets")
    parts = [title]
    for entry in sidebar["team_counts"]:
        if entry.team.slug == chosen.team:
            parts.append(entry.team.localized_name)
    for level in sidebar["levels"]:
        if level.code == chosen.level:
            parts.append(level.localized_name)
    return " · ".join(parts)


@desk_staff_required
def queue_page(request: HttpRequest) -> HttpResponse:
    """A queue of open tickets, filtered by team, level, mine/unassigned and search."""
    user = current_user(request)
    chosen = QueueFilter.from_query(request.GET)
    tickets = queue(
        user,
        team_slug=chosen.team or None,
        level_code=chosen.level or None,
        mine=chosen.view == "mine",
        unassigned=chosen.view == "unassigned",
        search=chosen.search or None,
        # A search looks through solved and closed tickets too.
        open_only=not chosen.search,
    )
    tickets = _narrowed(tickets, user, chosen.view).prefetch_related("tags")
    page = Paginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    clocks = sla_targets_for_tickets([ticket.pk for ticket in page.object_list])
    for ticket in page.object_list:
        ticket.sla_clocks = clocks.get(ticket.pk, [])  # type: ignore[attr-defined]
    context: dict[str, Any] = {"page": page, "chosen": chosen}
    if request.headers.get("HX-Target") == "queue-results":
        return render(request, "desk/_queue_results.html", context)
    sidebar = _sidebar(user)
    context.update(
        sidebar,
        title=_queue_title(chosen, sidebar),
        search_form=QueueSearchForm(request.GET),
        presence=AgentProfile.objects.filter(user=user).values_list("presence", flat=True).first(),
        presences=Presence.choices,
    )
    return render(request, "desk/queue.html", context)


@desk_staff_required
def help_requests(request: HttpRequest) -> HttpResponse:
    """Open help requests addressed to me, each with an answer form."""
    user = current_user(request)
    pending = open_help_requests_for(user).select_related("ticket__team", "ticket__level")
    items = [
        (help_request, HelpAnswerForm(prefix=f"help{help_request.pk}")) for help_request in pending
    ]
    return render(request, "desk/help_requests.html", {"items": items, **_sidebar(user)})


@require_POST
@desk_staff_required
def help_request_answer_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    try:
        help_request = open_help_requests_for(user).get(pk=pk)
    except HelpRequest.DoesNotExist:
        raise Http404(_("This help request is answered already or not addressed to you.")) from None
    form = HelpAnswerForm(request.POST, prefix=f"help{pk}")
    answered = False
    if form.is_valid():
        try:
            help_request_answer(help_request, actor=user, answer=form.cleaned_data["answer"])
            answered = True
        except TicketError as error:
            form.add_error(None, error.message)
    if request.headers.get("HX-Request"):
        context = {"help_request": help_request, "form": form, "answered": answered}
        return render(request, "desk/_help_request.html", context)
    if answered:
        messages.success(
            request,
            _("Your answer was added to #%(number)s.") % {"number": help_request.ticket.number},
        )
        return redirect("desk:help_requests")
    items = [
        (other, form if other.pk == pk else HelpAnswerForm(prefix=f"help{other.pk}"))
        for other in open_help_requests_for(user).select_related("ticket__team", "ticket__level")
    ]
    return render(
        request, "desk/help_requests.html", {"items": items, **_sidebar(user)}, status=400
    )


@desk_staff_required
def problems(request: HttpRequest) -> HttpResponse:
    """Problem records, open ones first; ``?state=all`` shows solved ones too."""
    user = current_user(request)
    show_all = request.GET.get("state") == "all"
    records = problems_visible_to(user).annotate(linked_count=Count("problem_tickets"))
    if not show_all:
        records = records.exclude(status__in=(Status.SOLVED, Status.CLOSED))
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "show_all": show_all, **_sidebar(user)}
    return render(request, "desk/problems.html", context)
