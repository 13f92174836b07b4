"""The account that writes what arrives by mail but comes from no person (bounces, auto-replies).

The ticket services want a desk-staff actor for internal notes; this account
is that actor. It has no usable password and belongs to no team, so it can
neither log in nor receive tickets.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from tierdesk.accounts.models import Role, User

ROBOT_USERNAME = "tierdesk-mail"


def mail_robot() -> User:
    robot = User.objects.filter(username=ROBOT_USERNAME).first()
    if robot is not None:
        return robot
    robot = User(
        username=ROBOT_USERNAME,
        email="",
        role=Role.AGENT,
        first_name="tierdesk",
        last_name="Mail",
    )
    robot.set_unusable_password()
    try:
        with transaction.atomic():
            robot.save()
    except IntegrityError:  # another worker made it a moment ago
        return User.objects.get(username=ROBOT_USERNAME)
    return robot
