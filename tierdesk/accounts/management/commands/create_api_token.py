"""``tierdesk create_api_token USERNAME [--name NAME]``: issue a bearer token for the REST API."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tierdesk.accounts.models import User
from tierdesk.accounts.tokens import api_token_create


class Command(BaseCommand):
    help = (
        "Create an API token for USERNAME. The token is printed alone on the last line "
        "and shown only this once; only its digest is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The user the token acts as.")
        parser.add_argument("--name", default="", help="A label, e.g. the client that uses it.")

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"]
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"There is no user “{username}”.") from None
        if not user.is_active:
            raise CommandError(f"User “{username}” is inactive; a token would not work.")
        issued = api_token_create(user=user, name=options["name"])
        self.stdout.write(
            f"API token for {user.username} ({user.get_role_display()}), "
            f"prefix {issued.token.prefix}. Send it as 'Authorization: Bearer <token>'. "
            "It is shown only once:"
        )
        self.stdout.write(issued.raw)
