"""Response headers that hold on every route (SECURITY.md, P35)."""

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        # Pages with personal data must not linger in shared browser or proxy caches.
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


class DutchFirstLocaleMiddleware:
    """Dutch unless the user chose another language with the language switch.

    The browser's Accept-Language is ignored on purpose: a municipal workstation with an
    English browser must still show the Dutch interface.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.utils import translation

        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        available = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class RequestBodyLimitMiddleware:
    """Refuse with 413 a request whose declared body (Content-Length) is larger than its route
    allows, before a byte of the body is read.

    Without it Django reads a multipart body in full, spooling every file to disk, before the
    form can find the files too large: 300 MB sent to the meldpunt were read to answer "at most
    10 MB". Every route gets ``REQUEST_BODY_MAX_BYTES`` (what the meldpunt needs); the routes
    in ``REQUEST_BODY_LARGE_ROUTES`` (the warehouse import of registry extracts) their own
    limit. Django reads no more than Content-Length and nothing without it, so the declared
    length is the whole body the application will ever see. Listed before any middleware that
    reads ``request.POST`` (CSRF).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        declared = _declared_length(request)
        if declared > settings.REQUEST_BODY_MAX_BYTES:
            limit = _route_limit(request, settings)
            if declared > limit:
                return _too_large(request, limit)
        return self.get_response(request)


def _declared_length(request) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0  # Django reads no body at all then


def _route_limit(request, settings) -> int:
    from django.urls import Resolver404, resolve

    try:
        view_name = resolve(request.path_info).view_name
    except Resolver404:
        return settings.REQUEST_BODY_MAX_BYTES
    return settings.REQUEST_BODY_LARGE_ROUTES.get(view_name, settings.REQUEST_BODY_MAX_BYTES)


def _too_large(request, limit: int):
    from django.http import JsonResponse
    from django.shortcuts import render
    from django.utils.translation import gettext as _

    message = _(
        "What you sent is larger than %(limit)d MB together, so it was not received and "
        "nothing was kept."
    ) % {"limit": limit // (1024 * 1024)}
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=413)
    else:
        response = render(request, "too_large.html", {"message": message}, status=413)
    # The same as every public page: the answer may follow a report from the meldpunt.
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response
