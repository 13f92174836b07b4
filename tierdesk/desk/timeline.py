"""The ticket timeline in words: who did what, when, in the reader's language.

Events store codes (status values, team slugs, level codes, usernames); this
module turns them into translated sentences. Names are looked up in one query
per kind of thing, however long the timeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from tierdesk.accounts.models import User
from tierdesk.teams.models import Level, Team
from tierdesk.tickets.models import Channel, EventKind, Priority, Status, TicketType, TimelineEvent


@dataclass(frozen=True)
class TimelineEntry:
    kind: str
    when: datetime
    actor: str
    text: str
    details: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Names:
    teams: Mapping[str, str]
    levels: Mapping[str, str]
    people: Mapping[str, str]
    # Levels that do not write to customers (Third Level).
    silent_levels: frozenset[str] = frozenset()

    def team(self, slug: Any) -> str:
        return self.teams.get(str(slug), str(slug)) if slug else "—"

    def level(self, code: Any) -> str:
        return self.levels.get(str(code), str(code)) if code else "—"

    def person(self, username: Any) -> str:
        return self.people.get(str(username), str(username)) if username else _("nobody")


def _label(choices: type[Status] | type[TicketType] | type[Channel], value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _priority_label(name: Any) -> str:
    for choice in Priority:
        if choice.name.lower() == str(name):
            return str(choice.label)
    return str(name)


def _names_for(events: Iterable[TimelineEvent]) -> Names:
    usernames = {
        str(event.data[key])
        for event in events
        for key in ("old", "new", "helper", "requested_by")
        if event.kind in (EventKind.ASSIGNEE, EventKind.HELP_REQUESTED, EventKind.HELP_ANSWERED)
        and event.data.get(key)
    }
    people = {
        user.username: user.display_name for user in User.objects.filter(username__in=usernames)
    }
    levels = list(Level.objects.all())
    return Names(
        teams={team.slug: team.localized_name for team in Team.objects.all()},
        levels={level.code: level.localized_name for level in levels},
        people=people,
        silent_levels=frozenset(level.code for level in levels if not level.talks_to_customers),
    )


def describe(event: TimelineEvent, names: Names) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A sentence for ``event`` and labelled details (reason, summary …) to show below it."""
    data = event.data
    old, new = data.get("old"), data.get("new")
    kind = event.kind
    if kind == EventKind.CREATED:
        if data.get("from_ticket"):
            return _("recorded this problem from ticket #%(number)s") % {
                "number": data["from_ticket"]
            }, ()
        return _("opened the ticket via %(channel)s") % {
            "channel": _label(Channel, data.get("channel"))
        }, ()
    if kind == EventKind.ROUTED:
        text = _("routed to %(team)s, %(level)s, priority %(priority)s, type %(type)s") % {
            "team": names.team(data.get("team")),
            "level": names.level(data.get("level")),
            "priority": _priority_label(data.get("priority")),
            "type": _label(TicketType, data.get("type")),
        }
        reasons = "; ".join(str(reason) for reason in data.get("reasons") or [])
        return text, ((_("Rules"), reasons),) if reasons else ()
    if kind == EventKind.STATUS:
        return _("changed the status from %(old)s to %(new)s") % {
            "old": _label(Status, old),
            "new": _label(Status, new),
        }, ()
    if kind == EventKind.ASSIGNEE:
        # The router says why it chose (or found nobody); people need not.
        why = "; ".join(str(reason) for reason in data.get("reasons") or [])
        because: tuple[tuple[str, str], ...] = ((_("Why"), why),) if why else ()
        if not new:
            return _("unassigned %(old)s") % {"old": names.person(old)}, because
        return _("assigned the ticket to %(new)s") % {"new": names.person(new)}, because
    if kind == EventKind.TEAM:
        return _("moved the ticket from team %(old)s to %(new)s") % {
            "old": names.team(old),
            "new": names.team(new),
        }, ()
    if kind == EventKind.LEVEL:
        return _("moved the ticket from %(old)s to %(new)s") % {
            "old": names.level(old),
            "new": names.level(new),
        }, ()
    if kind == EventKind.PRIORITY:
        return _("changed the priority from %(old)s to %(new)s") % {
            "old": _priority_label(old),
            "new": _priority_label(new),
        }, ()
    if kind == EventKind.TYPE:
        return _("changed the type from %(old)s to %(new)s") % {
            "old": _label(TicketType, old),
            "new": _label(TicketType, new),
        }, ()
    if kind == EventKind.TAGS:
        return _("set the tags to %(tags)s") % {
            "tags": ", ".join(str(tag) for tag in new or []) or "—"
        }, ()
    if kind in (EventKind.ESCALATED, EventKind.DE_ESCALATED):
        template = (
            _("escalated from %(old)s to %(new)s")
            if kind == EventKind.ESCALATED
            else _("handed the ticket back from %(old)s to %(new)s")
        )
        details = [(_("Reason"), str(data.get("reason") or ""))]
        if data.get("summary"):
            details.append((_("Hand-over summary"), str(data["summary"])))
        details += _escalation_team_details(data, names)
        if kind == EventKind.ESCALATED and event.actor is not None:
            details += _customer_contact_details(event.actor.display_name, old, new, names)
        return template % {"old": names.level(old), "new": names.level(new)}, tuple(details)
    return _describe_collaboration(event, names)


def _escalation_team_details(data: Mapping[str, Any], names: Names) -> list[tuple[str, str]]:
    """Which team the escalation moved the ticket to, and why."""
    details = []
    old_team, new_team = data.get("old_team"), data.get("new_team")
    if old_team and old_team == new_team and data.get("team_by") == "agent":
        kept = _("%(team)s, not the suggested %(suggested)s") % {
            "team": names.team(new_team),
            "suggested": names.team(data.get("suggested_team")),
        }
        details.append((_("Team"), kept))
    elif old_team and new_team and old_team != new_team:
        moved = _("%(old)s → %(new)s") % {"old": names.team(old_team), "new": names.team(new_team)}
        if data.get("team_by") == "path":
            product = data.get("path_product")
            how = (
                _("escalation path for %(product)s") % {"product": product}
                if product
                else _("escalation path")
            )
            moved = f"{moved} ({how})"
        elif data.get("team_by") == "agent":
            suggested = _("suggested: %(team)s") % {"team": names.team(data.get("suggested_team"))}
            moved = f"{moved} ({suggested})"
        details.append((_("Team"), moved))
    return details


def _customer_contact_details(
    actor: str, old_level: Any, new_level: Any, names: Names
) -> list[tuple[str, str]]:
    """Escalating to a level that does not write to customers keeps the actor their contact."""
    if str(new_level) not in names.silent_levels or str(old_level) in names.silent_levels:
        return []
    text = _("%(name)s stays the customer's contact and relays the internal notes")
    return [(_("Customer contact"), text % {"name": actor})]


def _describe_collaboration(
    event: TimelineEvent, names: Names
) -> tuple[str, tuple[tuple[str, str], ...]]:
    data = event.data
    kind = event.kind
    if kind == EventKind.REPLY:
        return _("replied to the customer"), ()
    if kind == EventKind.NOTE:
        return (_("logged a phone call") if data.get("call") else _("added an internal note")), ()
    if kind == EventKind.CUSTOMER_MESSAGE:
        return _("wrote a message"), ()
    if kind == EventKind.MERGED:
        if data.get("merged_into"):
            return _("merged this ticket into #%(number)s") % {"number": data["merged_into"]}, ()
        return _("merged ticket #%(number)s into this one") % {"number": data["merged_from"]}, ()
    if kind == EventKind.LINKED:
        return _("linked related ticket #%(number)s") % {"number": data.get("ticket")}, ()
    if kind == EventKind.HELP_REQUESTED:
        return _("asked %(helper)s for help") % {"helper": names.person(data.get("helper"))}, (
            (_("Question"), str(data.get("question") or "")),
        )
    if kind == EventKind.HELP_ANSWERED:
        return _("answered the help request of %(person)s") % {
            "person": names.person(data.get("requested_by"))
        }, ((_("Answer"), str(data.get("answer") or "")),)
    if kind == EventKind.PROBLEM_LINKED:
        if data.get("problem"):
            return _("linked the ticket to problem #%(number)s") % {"number": data["problem"]}, ()
        return _("linked ticket #%(number)s to this problem") % {"number": data.get("ticket")}, ()
    if kind == EventKind.PROBLEM_SOLVED:
        text = (
            _("problem #%(number)s was solved") % {"number": data["problem"]}
            if data.get("problem")
            else _("solved the problem")
        )
        return text, ((_("Solution"), str(data.get("solution") or "")),)
    if kind == EventKind.CSAT:
        return _("rated the service %(score)s of 5") % {"score": data.get("score", "?")}, (
            (_("Comment"), str(data.get("comment") or "")),
        )
    return str(EventKind(kind).label) if kind in EventKind.values else str(kind), ()


def timeline_entries(events: Iterable[TimelineEvent]) -> list[TimelineEntry]:
    """Events (with ``actor`` selected) as entries, oldest first."""
    event_list = list(events)
    names = _names_for(event_list)
    entries = []
    for event in event_list:
        text, details = describe(event, names)
        entries.append(
            TimelineEntry(
                kind=event.kind,
                when=event.created_at,
                actor=event.actor.display_name if event.actor else "tierdesk",
                text=text,
                details=tuple((label, value) for label, value in details if value),
            )
        )
    return entries
