"""The warehouse's sources: one module per registry delivery, each a ``Source`` registered
by its id (``@register("bag-xml")``). A new source is one new module here, imported below."""

from weerbaar.warehouse.sources import bag, brp, closures, kvk, permits  # noqa: F401 - register
from weerbaar.warehouse.sources.base import Report, Source, no_progress
from weerbaar.warehouse.sources.registry import get, register, uploadable

__all__ = ["Report", "Source", "get", "no_progress", "register", "uploadable"]
