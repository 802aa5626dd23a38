"""The registry of warehouse sources: every importer registers itself under the id that
import runs record as their ``source`` and the import page offers (``bag-xml``, ...)."""

from collections.abc import Callable

_SOURCES: dict = {}


def register(kind: str) -> Callable[[type], type]:
    """Class decorator: ``@register("bag-xml")`` makes the source known under ``kind``."""

    def decorate(cls: type) -> type:
        if kind in _SOURCES:
            raise ValueError(f"warehouse source {kind!r} registered twice")
        cls.kind = kind
        _SOURCES[kind] = cls
        return cls

    return decorate


def get(kind: str):
    """The source registered under ``kind``; KeyError when there is none."""
    return _SOURCES[kind]()


def uploadable() -> dict:
    """The sources a web page may start, by id, in the order they were registered."""
    return {kind: cls() for kind, cls in _SOURCES.items() if cls.endings}
