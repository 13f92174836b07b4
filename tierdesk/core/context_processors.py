from typing import Any

from django.http import HttpRequest

from tierdesk.accounts.permissions import is_desk_staff, is_manager


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"is_desk_staff": False, "is_manager": False}
    return {"is_desk_staff": is_desk_staff(user), "is_manager": is_manager(user)}
