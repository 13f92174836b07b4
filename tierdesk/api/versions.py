"""The ticket version as an HTTP entity tag: ``ETag`` out, ``If-Match`` (or ``version``) in."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from tierdesk.api.schemas import MAX_VERSION


def set_etag(response: HttpResponse, version: int) -> None:
    response["ETag"] = f'"{version}"'


def expected_version(body_version: int | None, if_match: str | None) -> int | None:
    """The version the client saw: from the body, the If-Match header, or neither.

    ``If-Match: *`` means "whatever it is now". Both given and different is an error.
    """
    header_version = _parse_if_match(if_match)
    if body_version is not None and header_version not in (None, body_version):
        raise HttpError(
            400, _("The body's version and the If-Match header disagree; send one of them.")
        )
    return body_version if body_version is not None else header_version


def _parse_if_match(if_match: str | None) -> int | None:
    if if_match is None or not if_match.strip() or if_match.strip() == "*":
        return None
    tag = if_match.strip().removeprefix("W/").strip('"')
    valid = tag.isascii() and tag.isdigit() and len(tag) <= len(str(MAX_VERSION))
    if not valid or not 1 <= int(tag) <= MAX_VERSION:
        raise HttpError(
            400, _('If-Match must carry the ticket version from its ETag, e.g. If-Match: "3".')
        )
    return int(tag)
