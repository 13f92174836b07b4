"""Wrong input of every kind, at every endpoint, gets a JSON 4xx answer and never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from tests import factories
from tests.api.conftest import ApiCall
from tierdesk.accounts.tokens import api_token_create

BAD_VALUES: list[Any] = [
    None,
    0,
    -1,
    2**64,
    -(2**70),
    1.5,
    1e308,
    True,
    "",
    "   ",
    "x" * 300_000,
    "a\x00b",
    "\ud800",
    "🙂" * 500,
    "<script>alert(1)</script>",
    [],
    [1, "a", None, {"x": 1}],
    {},
    {"nested": {"deeper": [1, 2]}},
]

RAW_BODIES: list[bytes] = [
    b"not json",
    b"{",
    b"\xff\xfe\xfd",
    b"null",
    b"[]",
    b"123",
    b'"text"',
    b"true",
    b"[" * 5000 + b"]" * 5000,
    b'{"subject": NaN, "version": Infinity}',
    b'{"a": 1, "a": 2}',
]

BAD_NUMBERS = [
    "0",
    "-1",
    "abc",
    "1.5",
    "1e3",
    "9223372036854775808",
    "99999999999999999999999999999999",
    "%20",
    "%00",
    "%EF%BC%91%EF%BC%92",  # full-width digits
]

BAD_QUERIES = [
    "limit=abc",
    "limit=-1",
    "limit=99999999999999999999999",
    "offset=-5",
    "offset=1e30",
    "offset=99999999999999999999",
    "status=sleeping",
    "channel=",
    "team=" + "x" * 2000,
    "q=" + "x" * 20_000,
    "q=%00",
    "q=%ED%A0%80",
    "assignee=%00",
    "level=%00",
    "open_only=perhaps",
    "status=open&status=closed",
]

ODD_IF_MATCH = ["", "*", 'W/"x"', '"99999999999999999999"', "²", '"0"', '"-1"', "\t"]

ATTACHMENT = {"filename": "a.txt", "content_type": "text/plain", "data_base64": "aGFsbG8="}
BAD_ATTACHMENTS: list[Any] = [
    [{**ATTACHMENT, "data_base64": "!!not base64!!"}],
    [{**ATTACHMENT, "filename": " "}],
    [{**ATTACHMENT, "filename": "../../etc/passwd"}],
    [{**ATTACHMENT, "filename": "\x00"}],
    [ATTACHMENT] * 50,
    [{"filename": "a"}],
]


def _bodies(valid: dict[str, Any], extra_fields: tuple[str, ...]) -> Iterator[Any]:
    """Every field replaced by every bad value, each field missing, and unknown fields."""
    for field in (*valid, *extra_fields):
        for value in BAD_VALUES:
            yield {**valid, field: value}
        yield {key: item for key, item in valid.items() if key != field}
    yield {**valid, "unknown_field": 1}
    for attachment_value in [*BAD_VALUES, *BAD_ATTACHMENTS]:
        yield {**valid, "attachments": attachment_value}


def _endpoints(number: int) -> list[tuple[str, str, dict[str, Any], tuple[str, ...]]]:
    ticket = f"/api/v1/tickets/{number}"
    return [
        (
            "POST",
            "/api/v1/tickets",
            {"subject": "Hallo", "body": "Text", "customer_email": "neu@example.org"},
            ("channel", "team", "priority", "type"),
        ),
        (
            "PATCH",
            ticket,
            {"status": "open"},
            ("priority", "assignee", "team", "type", "tags", "version"),
        ),
        ("POST", f"{ticket}/messages", {"body": "Hallo", "public": False}, ("status",)),
        (
            "POST",
            f"{ticket}/escalate",
            {"to_level": "L2", "reason": "schwer"},
            ("summary", "version"),
        ),
        (
            "POST",
            f"{ticket}/de-escalate",
            {"to_level": "L1", "reason": "zurück"},
            ("summary", "version"),
        ),
    ]


@pytest.mark.slow
def test_no_input_causes_a_server_error(department: Any, call_api: ApiCall, client: Client) -> None:
    ticket = factories.ticket(department.customer_a)
    failures: list[str] = []

    def check(response: Any, what: str) -> None:
        if response.status_code >= 500:
            failures.append(f"{response.status_code} for {what}: {response.content[:300]!r}")
        elif response.status_code >= 400 and response.status_code != 405:
            detail = response.json().get("detail")
            if not isinstance(detail, str) or not detail:
                failures.append(f"no clear detail for {what}: {response.content[:300]!r}")

    for user in (department.manager, department.customer_a):
        for method, path, valid, extra in _endpoints(ticket.number):
            for body in _bodies(valid, extra):
                check(
                    call_api(user, method, path, body), f"{user} {method} {path} {str(body)[:200]}"
                )
            for raw in RAW_BODIES:
                check(
                    call_api(user, method, path, raw_body=raw), f"{method} {path} raw {raw[:50]!r}"
                )
            for content_type in (
                "text/plain",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
            ):
                response = client.generic(
                    method,
                    path,
                    data=b"subject=x&body=y",
                    content_type=content_type,
                    headers={"Authorization": f"Bearer {api_token_create(user=user).raw}"},
                )
                check(response, f"{method} {path} as {content_type}")
            for if_match in ODD_IF_MATCH:
                check(
                    call_api(user, method, path, valid, headers={"If-Match": if_match}),
                    f"{method} {path} If-Match {if_match!r}",
                )
        for bad_number in BAD_NUMBERS:
            for method, suffix, body in (
                ("GET", "", None),
                ("PATCH", "", {"status": "open"}),
                ("POST", "/messages", {"body": "x", "public": True}),
                ("POST", "/escalate", {"to_level": "L2", "reason": "x"}),
                ("POST", "/de-escalate", {"to_level": "L1", "reason": "x"}),
            ):
                path = f"/api/v1/tickets/{bad_number}{suffix}"
                check(call_api(user, method, path, body), f"{method} {path}")
        for query in BAD_QUERIES:
            check(call_api(user, "GET", f"/api/v1/tickets?{query}"), f"GET ?{query[:80]}")
        for path in ("/api/v1/me", "/api/v1/teams", "/api/v1/levels", "/api/v1/tickets"):
            for method in ("DELETE", "PUT"):
                check(call_api(user, method, path, {}), f"{method} {path}")
            check(call_api(user, "GET", path, raw_body=b"\xff"), f"GET {path} with a body")

    assert failures == [], "\n".join(failures[:30])


def test_request_body_over_the_upload_limit_is_413(
    department: Any, call_api: ApiCall, settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = {"subject": "Gross", "body": "x" * 20_000}
    response = call_api(department.customer_a, "POST", "/api/v1/tickets", body)
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert json.loads(response.content)["detail"]
