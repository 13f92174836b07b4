"""Seed the five support levels and the six teams of the department."""

from django.db import migrations

from tierdesk.teams.department import LEVELS, TEAMS


def seed(apps, schema_editor):
    Level = apps.get_model("teams", "Level")
    Team = apps.get_model("teams", "Team")
    for code, name_en, name_de, rank, holds_queue, talks in LEVELS:
        Level.objects.update_or_create(
            code=code,
            defaults={
                "name_en": name_en,
                "name_de": name_de,
                "rank": rank,
                "holds_queue": holds_queue,
                "talks_to_customers": talks,
            },
        )
    for slug, name_en, name_de, description in TEAMS:
        Team.objects.get_or_create(
            slug=slug, defaults={"name_en": name_en, "name_de": name_de, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("teams", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
