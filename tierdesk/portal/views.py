from django.http import HttpRequest, HttpResponse


def requests(request: HttpRequest) -> HttpResponse:
    return HttpResponse("requests")
