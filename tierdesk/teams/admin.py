from django.contrib import admin

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
    list_display = ("user", "level", "max_open_tickets", "is_available")
    list_filter = ("level", "is_available")
    search_fields = ("user__username", "user__email")
    filter_horizontal = ("skills",)
    list_select_related = ("user", "level")
