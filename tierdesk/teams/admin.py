from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tierdesk.teams.models import AgentProfile, Level, Skill, Team, TeamMembership


class TeamMembershipInline(admin.TabularInline[TeamMembership, Team]):
    model = TeamMembership
    extra = 1
    autocomplete_fields = ("user",)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ("slug", "name_en", "name_de", "is_active")
    inlines = [TeamMembershipInline]


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin[Level]):
    list_display = ("code", "name_en", "name_de", "rank", "holds_queue", "talks_to_customers")


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin[Skill]):
    list_display = ("code", "name", "essential")
    list_filter = ("essential",)


@admin.register(AgentProfile)
class AgentProfileAdmin(admin.ModelAdmin[AgentProfile]):
    list_display = ("user", "level", "weekly_hours", "employed_since", "is_available")
    list_filter = ("level", "is_available")
    # Working-time contract, next to the routing fields; availability is checked by
    # AgentProfile.clean() (parse_availability), which the admin form runs.
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "user",
                    "level",
                    "languages",
                    "skills",
                    "max_open_tickets",
                    "channel_caps",
                    "is_available",
                    "presence",
                    "absent_until",
                    "shift_start",
                    "shift_end",
                )
            },
        ),
        (
            _("Working-time contract"),
            {"fields": ("weekly_hours", "availability", "employed_since")},
        ),
    )
    search_fields = ("user__username", "user__email")
    filter_horizontal = ("skills",)
    list_select_related = ("user", "level")
