"""Requests without a valid token, or for an inactive user, get 401 in JSON."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import ApiCall
from tierdesk.accounts.tokens import api_token_create, api_token_revoke


def _assert_unauthorised(response: Any) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert "Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_missing_token_is_401(department: Any, call_api: ApiCall) -> None:
    _assert_unauthorised(call_api(None, "GET", "/api/v1/tickets"))
    _assert_unauthorised(call_api(None, "POST", "/api/v1/tickets", {"subject": "x"}))


def test_unknown_token_is_401(department: Any, call_api: ApiCall) -> None:
    for header in (
        "Bearer td_not-a-token",
        "Bearer ",
        "Basic bDE6cGFzcw==",
        "td_x",
        "Bearer " + "x" * 5000,
    ):
        _assert_unauthorised(call_api(None, "GET", "/api/v1/me", headers={"Authorization": header}))


def test_valid_token_authenticates(department: Any, call_api: ApiCall) -> None:
    response = call_api(department.l1, "GET", "/api/v1/me")
    assert response.status_code == 200
    assert response.json()["username"] == "l1"
    assert response.json()["level"] == "L1"


def test_revoked_token_is_401(department: Any, call_api: ApiCall) -> None:
    issued = api_token_create(user=department.l1, name="script")
    header = {"Authorization": f"Bearer {issued.raw}"}
    assert call_api(None, "GET", "/api/v1/me", headers=header).status_code == 200
    api_token_revoke(token=issued.token)
    _assert_unauthorised(call_api(None, "GET", "/api/v1/me", headers=header))


def test_inactive_user_is_401(department: Any, call_api: ApiCall) -> None:
    issued = api_token_create(user=department.customer_a)
    department.customer_a.is_active = False
    department.customer_a.save(update_fields=["is_active"])
    header = {"Authorization": f"Bearer {issued.raw}"}
    _assert_unauthorised(call_api(None, "GET", "/api/v1/tickets", headers=header))
