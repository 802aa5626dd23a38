"""DRF plumbing for API keys: the header is read here, the rules live in ``api_keys``.

The session path enforces the second factor in ``RequireOTPMiddleware``; that middleware
runs before DRF authenticates a key, so ``ApiTokenPolicy`` does the same for key requests.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from weerbaar.accounts.api_keys import token_find, token_refusal, token_used
from weerbaar.accounts.models import ApiToken

KEYWORD = "Bearer"


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <key>``, checked against the stored keyed hash."""

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid or expired API key."))
        try:
            key = parts[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid or expired API key.")) from None
        token = token_find(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or expired API key."))
        token_used(token)
        return token.user, token

    def authenticate_header(self, request):
        return KEYWORD


class ApiTokenPolicy(permissions.BasePermission):
    """A request made with a key: the second factor its owner's role requires, and the key's
    scope (``read`` allows only safe methods, and a POST to a route that only reads, such as a
    search that keeps its terms out of URLs: ``reads_by_post=True`` on the view or action).
    Session requests pass untouched."""

    def has_permission(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return True
        reads = request.method == "POST" and getattr(view, "reads_by_post", False)
        refusal = token_refusal(request.auth, method="GET" if reads else request.method)
        if refusal:
            self.message = refusal
            return False
        return True


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the key."""

    target_class = "weerbaar.accounts.authentication.ApiTokenAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer"}
