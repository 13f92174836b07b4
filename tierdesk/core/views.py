from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _

from tierdesk.accounts.permissions import is_desk_staff
from tierdesk.tickets.models import Attachment, Ticket
from tierdesk.tickets.selectors import ticket_for


def home(request: HttpRequest) -> HttpResponse:
    """Send each user to where they work: agents to the desk, customers to the portal."""
    if not request.user.is_authenticated:
        return redirect("login")
    if is_desk_staff(request.user):
        return redirect("desk:queue")
    return redirect("portal:requests")


def remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """Let the UI speak ``language`` from the next request on (LocaleMiddleware reads it)."""
    if check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    return response


class LoginView(auth_views.LoginView):
    """The standard login; afterwards the UI speaks the user's chosen language."""

    template_name = "core/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        return remember_language(response, user.language)


def attachment_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A file, if its ticket is visible to the user; customers never get internal notes' files."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    try:
        attachment = Attachment.objects.select_related("message__ticket").get(pk=pk)
        ticket_for(user, attachment.message.ticket.number)
    except (Attachment.DoesNotExist, Ticket.DoesNotExist):
        raise Http404(_("No such attachment.")) from None
    if not attachment.message.is_public and not is_desk_staff(user):
        raise Http404(_("No such attachment."))
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing from storage.")) from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type or "application/octet-stream",
    )
