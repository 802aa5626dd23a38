"""What the registries say about a subject (KvK, permits, BRP counts, closures), as rows the
warehouse gives to apps on a lower tier (the inspections' preparation, the Bibob checklist)
through a provider each of them registers."""

from dataclasses import dataclass


class Unavailable(Exception):
    """The registry cannot be read now (busy with an import or a scan); say so, try later."""


@dataclass(frozen=True)
class Fact:
    subject_id: int
    source: str  # "KvK", "Vergunningen", "BRP", "Sluitingen"
    text: str
