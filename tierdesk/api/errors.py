"""Every error of the API as JSON ``{"detail": "<clear message>", ...}`` with the right status.

The service layer raises ``TicketError`` subclasses with messages meant for
people; they are passed on unchanged. Nothing a client sends should end in a 500:
the catch-all handler exists for bugs, logs them, and still answers in JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from tierdesk.tickets.errors import (
    AttachmentRejected,
    InvalidChange,
    NotAllowed,
    TicketConflict,
    TicketError,
)
from tierdesk.tickets.models import Ticket

logger = logging.getLogger(__name__)

# Status codes for the service layer's errors; the most specific class wins.
TICKET_ERROR_STATUS: dict[type[TicketError], int] = {
    NotAllowed: 403,
    InvalidChange: 422,
    TicketConflict: 409,
    AttachmentRejected: 413,
    TicketError: 400,
}


class UnknownReference(InvalidChange):
    """The request names a team, level or user that does not exist (HTTP 422)."""


Handler = Callable[[HttpRequest, Any], HttpResponse]


def register_error_handlers(api: NinjaAPI) -> None:
    handlers: list[tuple[type[Exception], Handler]] = [
        (TicketError, _ticket_error),
        (ValidationError, _validation_error),
        (AuthenticationError, _authentication_error),
        (HttpError, _http_error),
        (Ticket.DoesNotExist, _ticket_not_found),
        (ObjectDoesNotExist, _not_found),
        (Http404, _not_found),
        (DjangoValidationError, _django_validation_error),
        (RequestDataTooBig, _request_too_big),
        (Exception, _unexpected),
    ]
    for exception_class, handler in handlers:
        # ninja picks the handler of the most specific class in the exception's MRO.
        api.add_exception_handler(exception_class, handler)


def _respond(request: HttpRequest, status: int, detail: str, **extra: Any) -> HttpResponse:
    return JsonResponse({"detail": detail, **extra}, status=status)


def _ticket_error(request: HttpRequest, exc: TicketError) -> HttpResponse:
    status = next(code for cls, code in TICKET_ERROR_STATUS.items() if isinstance(exc, cls))
    if isinstance(exc, TicketConflict):
        return _respond(request, status, exc.message, current_version=exc.current_version)
    return _respond(request, status, exc.message)


def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"field": _field_name(error.get("loc", ())), "message": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    summary = "; ".join(f"{error['field']}: {error['message']}" for error in errors)
    return _respond(
        request, 422, _("Invalid request: %(errors)s") % {"errors": summary}, errors=errors
    )


def _field_name(location: Sequence[Any]) -> str:
    """``("body", "payload", "attachments", 0, "filename")`` → ``attachments.0.filename``."""
    parts = [str(part) for part in location]
    if parts and parts[0] == "body":
        # The second element is the name of the endpoint's parameter, not a field.
        return ".".join(parts[2:]) or "body"
    return ".".join(parts[1:]) or (parts[0] if parts else "request")


def _authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _respond(
        request,
        401,
        _(
            "Missing, unknown or revoked API token. Send the header "
            "'Authorization: Bearer <token>' with a token made by "
            "'tierdesk create_api_token USERNAME'."
        ),
    )
    response["WWW-Authenticate"] = 'Bearer realm="tierdesk"'
    return response


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc)
    if exc.status_code == 400 and detail.startswith("Cannot parse request body"):
        detail = _("The request body is not valid JSON.")
    return _respond(request, exc.status_code, detail)


def _ticket_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The same answer whether the ticket does not exist or is not the caller's to see.
    return _respond(request, 404, _("There is no such ticket."))


def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _respond(request, 404, _("Not found."))


def _django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return _respond(request, 422, " ".join(exc.messages))


def _request_too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _respond(
        request,
        413,
        _("The request is too large. Attachments are limited in size; nothing was saved."),
    )


def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("Unexpected error in the API", exc_info=exc)
    return _respond(request, 500, _("An unexpected error occurred; it has been logged."))
