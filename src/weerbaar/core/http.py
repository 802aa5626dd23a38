from django.utils.http import url_has_allowed_host_and_scheme


def is_htmx(request) -> bool:
    """True for a request made by htmx, which wants a page fragment back."""
    return request.headers.get("HX-Request") == "true"


def local_return_path(request, *, keep_fragment: bool = False) -> str:
    """The ``next`` path a screen asked to come back to: a path on this site, or ""."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return ""
    return target if keep_fragment else target.split("#")[0].split("?")[0]
