import io

from django.http import FileResponse
from django.utils.http import url_has_allowed_host_and_scheme

# What an API route accepts as an object id: a UUID in its canonical form, nothing else.
UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


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


def sandboxed_download(path, *, filename: str, content_type: str):
    """A stored file, always as a download, never rendered or sniffed by the browser."""
    return _sandboxed(path.open("rb"), filename, content_type)


def sandboxed_bytes(data: bytes, *, filename: str, content_type: str):
    """A document made for this request (a generated PDF), served as a stored file is."""
    return _sandboxed(io.BytesIO(data), filename, content_type)


def _sandboxed(stream, filename: str, content_type: str):
    response = FileResponse(
        stream, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
