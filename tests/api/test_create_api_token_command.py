"""``tierdesk create_api_token USERNAME`` prints a working token alone on its last line."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from tests.api.conftest import ApiCall
from tierdesk.accounts.models import ApiToken


def test_prints_token_that_authenticates(department: Any, call_api: ApiCall) -> None:
    out = StringIO()
    call_command("create_api_token", "l2", "--name", "CRM sync", stdout=out)
    token = out.getvalue().rstrip("\n").splitlines()[-1]
    assert token.startswith("td_") and " " not in token
    stored = ApiToken.objects.get(user=department.l2)
    assert stored.name == "CRM sync"
    assert token not in {stored.digest, stored.prefix}  # only a digest is kept
    assert stored.digest == ApiToken.digest_of(token)

    response = call_api(None, "GET", "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["username"] == "l2"
    stored.refresh_from_db()
    assert stored.last_used_at is not None


def test_unknown_or_inactive_user_is_refused(department: Any) -> None:
    with pytest.raises(CommandError, match="no user"):
        call_command("create_api_token", "ghost", stdout=StringIO())
    department.customer_b.is_active = False
    department.customer_b.save(update_fields=["is_active"])
    with pytest.raises(CommandError, match="inactive"):
        call_command("create_api_token", "bernd", stdout=StringIO())
    assert not ApiToken.objects.exists()
