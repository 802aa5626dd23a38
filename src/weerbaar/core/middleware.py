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
