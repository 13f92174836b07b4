"""Customers' own accounts: signing up and choosing the language.

(These touch users, not tickets; they belong with the accounts domain and can
move to ``tierdesk.accounts.services`` when that module exists.)
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.translation import gettext as _

from tierdesk.accounts.models import Role, User
from tierdesk.customers.models import Organisation


class SignUpRefused(Exception):
    """The sign-up cannot go ahead; the message is meant for the person signing up."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _split_name(name: str) -> tuple[str, str]:
    words = name.split()
    if len(words) < 2:
        return " ".join(words), ""
    return " ".join(words[:-1]), words[-1]


def customer_sign_up(*, name: str, email: str, password: str, language: str) -> User:
    """Create a customer who logs in with their email address.

    A customer whose mail domain belongs to an organisation joins it. An address
    already known (also one that wrote in by mail, without a password) is refused:
    such people set a password through a reset rather than a second account.
    """
    email = email.strip().lower()
    name = " ".join(name.split())
    if not name:
        raise SignUpRefused(_("Please tell us your name."), field="name")
    if not email or "@" not in email:
        raise SignUpRefused(_("Please give a valid email address."), field="email")
    if language not in dict(settings.LANGUAGES):
        raise SignUpRefused(_("Please choose German or English."), field="language")
    first_name, last_name = _split_name(name)
    with transaction.atomic():
        taken = User.objects.filter(email__iexact=email).exists()
        taken = taken or User.objects.filter(username__iexact=email).exists()
        if taken:
            raise SignUpRefused(
                _("There is already an account with this email address. Please log in."),
                field="email",
            )
        domain = email.rsplit("@", 1)[1]
        organisation = Organisation.objects.filter(email_domain__iexact=domain).first()
        user = User(
            username=email[:150],
            email=email,
            first_name=first_name[:150],
            last_name=last_name[:150],
            role=Role.CUSTOMER,
            language=language,
            organisation=organisation,
        )
        validate_password(password, user)
        user.set_password(password)
        user.save()
    return user


def user_set_language(user: User, *, language: str) -> None:
    """Remember the UI and mail language a user chose."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
