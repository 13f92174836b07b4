"""Seed the routing policy (one row).

The classifier's vocabulary is not seeded here: an installation chooses to load
it (``tierdesk routing_load_vocabulary``) and edits it in the admin.
"""

from django.db import migrations


def seed(apps, schema_editor):
    Team = apps.get_model("teams", "Team")
    RoutingPolicy = apps.get_model("routing", "RoutingPolicy")
    teams = {team.slug: team for team in Team.objects.all()}
    if not RoutingPolicy.objects.exists():
        RoutingPolicy.objects.create(
            default_team=teams.get("support"), account_team=teams.get("account_management")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("routing", "0002_rule_conditions_classifier_assignment"),
        ("teams", "0002_seed_levels_and_teams"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
