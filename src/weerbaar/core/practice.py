"""What an app can say about its processing in practice, for the FG's processing register
and DPIA annex (SECURITY.md P38): the privacy app compares the register with practice, and
an app it may not import (the warehouse, for the sources it imported) registers rows here
from its ``AppConfig.ready()``."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    label: str  # what it is, e.g. "BRP: Haal Centraal JSON"
    values: tuple[str, ...]  # the figures, in the order of the section's columns


@dataclass(frozen=True)
class Section:
    title: str
    columns: tuple[str, ...]
    rows: Callable[[], Iterable[Row]]


_sections: dict[str, Section] = {}


def register(name: str, section: Section) -> None:
    _sections[name] = section


def sections() -> list[tuple[Section, list[Row]]]:
    return [(section, list(section.rows())) for section in _sections.values()]
