"""The demo department's mailbox: support@tierdesk.localhost → Customer Support."""

from django.db import migrations


def seed(apps, schema_editor):
    Mailbox = apps.get_model("channels", "Mailbox")
    Team = apps.get_model("teams", "Team")
    team = Team.objects.filter(slug="support").first() or Team.objects.order_by("pk").first()
    if team is None:
        return
    Mailbox.objects.get_or_create(
        name="Support",
        defaults={"addresses": "support@tierdesk.localhost", "team": team, "imap_host": ""},
    )


def unseed(apps, schema_editor):
    apps.get_model("channels", "Mailbox").objects.filter(name="Support").delete()


class Migration(migrations.Migration):
    dependencies = [("channels", "0001_mail_webhooks_calls"), ("teams", "0002_seed_levels_and_teams")]
    operations = [migrations.RunPython(seed, unseed)]
