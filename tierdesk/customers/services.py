"""Customers arriving by mail or API: found by their address, or created on first contact."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from tierdesk.accounts.models import Role, User
from tierdesk.customers.models import Organisation

USERNAME_MAX_LENGTH = 150
EMAIL_MAX_LENGTH = 254
_USERNAME_UNSAFE = re.compile(r"[^\w.@+-]")


def customer_get_or_create_by_email(*, email: str) -> User:
    """The user with this address, or a new customer for it.

    An existing account (of any role) is reused so that one person never gets two.
    A new customer has no usable password (they may set one through the portal's
    password reset), a username derived from the address and made unique, and
    joins the organisation whose mail domain matches.

    Raises ``django.core.exceptions.ValidationError`` for an invalid address.
    """
    email = email.strip()
    if len(email) > EMAIL_MAX_LENGTH:
        raise ValidationError(f"An email address has at most {EMAIL_MAX_LENGTH} characters.")
    validate_email(email)
    existing = User.objects.filter(email__iexact=email).order_by("pk").first()
    if existing is not None:
        return existing
    _local_part, _at, domain = email.rpartition("@")
    organisation = (
        Organisation.objects.filter(email_domain__iexact=domain.lower()).order_by("pk").first()
    )
    base = _username_base(email)
    for attempt in range(1, 1000):
        username = base if attempt == 1 else _with_suffix(base, attempt)
        if User.objects.filter(username=username).exists():
            continue
        try:
            with transaction.atomic():
                user = User(
                    username=username,
                    email=email,
                    role=Role.CUSTOMER,
                    organisation=organisation,
                )
                user.set_unusable_password()
                user.save()
                return user
        except IntegrityError:
            # Someone took the name between our check and our insert; try the next one.
            continue
    raise ValidationError(f"No free username could be derived from “{email}”.")


def _username_base(email: str) -> str:
    """The address itself is the natural username; Django allows ``@ . + - _``."""
    cleaned = _USERNAME_UNSAFE.sub("", email.lower())
    return cleaned[:USERNAME_MAX_LENGTH] or "customer"


def _with_suffix(base: str, number: int) -> str:
    suffix = f"-{number}"
    return base[: USERNAME_MAX_LENGTH - len(suffix)] + suffix
