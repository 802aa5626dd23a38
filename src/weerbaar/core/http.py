def is_htmx(request) -> bool:
    """True for a request made by htmx, which wants a page fragment back."""
    return request.headers.get("HX-Request") == "true"
