"""Seed the office-hours calendar (Mon–Fri 8–18, Europe/Berlin, German public holidays),
a 24/7 calendar, and default policies: urgent and key-account tickets are answered faster."""

import datetime

from django.db import migrations

OFFICE_HOURS = "Office hours Mon–Fri 8–18 (Germany)"
AROUND_THE_CLOCK = "Around the clock (24/7)"

# name, position, conditions, (first response, next response, resolution) in business
# minutes, breach actions
POLICIES = [
    (
        "Key account, urgent",
        10,
        {"key_accounts_only": True, "priorities": [4]},
        (30, 60, 240),
        {"breach_assign_lead": True, "breach_escalate": True},
    ),
    ("Urgent", 20, {"priorities": [4]}, (60, 120, 480), {"breach_assign_lead": True}),
    ("Key account", 30, {"key_accounts_only": True}, (120, 240, 1200), {"breach_raise_priority": True}),
    ("High priority", 40, {"priorities": [3]}, (240, 480, 1800), {"breach_raise_priority": True}),
    ("Standard", 50, {}, (480, 600, 3000), {}),
]


def seed(apps, schema_editor):
    Calendar = apps.get_model("sla", "Calendar")
    OpeningInterval = apps.get_model("sla", "OpeningInterval")
    SlaPolicy = apps.get_model("sla", "SlaPolicy")
    office, created = Calendar.objects.get_or_create(
        name=OFFICE_HOURS,
        defaults={"time_zone": "Europe/Berlin", "country": "DE", "subdivision": "", "is_default": True},
    )
    if created:
        OpeningInterval.objects.bulk_create(
            OpeningInterval(
                calendar=office, weekday=weekday, start=datetime.time(8), end=datetime.time(18)
            )
            for weekday in range(5)
        )
    Calendar.objects.get_or_create(
        name=AROUND_THE_CLOCK,
        defaults={"time_zone": "Europe/Berlin", "country": "", "always_open": True},
    )
    for name, position, conditions, targets, actions in POLICIES:
        first, following, resolution = targets
        SlaPolicy.objects.get_or_create(
            name=name,
            defaults={
                "position": position,
                "first_response_minutes": first,
                "next_response_minutes": following,
                "resolution_minutes": resolution,
                "pause_statuses": ["pending_customer", "on_hold"],
                "warning_share": 0.8,
                **conditions,
                **actions,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("sla", "SlaPolicy").objects.filter(name__in=[p[0] for p in POLICIES]).delete()
    apps.get_model("sla", "Calendar").objects.filter(name__in=[OFFICE_HOURS, AROUND_THE_CLOCK]).delete()


class Migration(migrations.Migration):
    dependencies = [("sla", "0001_calendars_policies_targets")]

    operations = [migrations.RunPython(seed, unseed)]
