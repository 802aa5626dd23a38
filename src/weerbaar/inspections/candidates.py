"""Candidates for an inspection, from wherever they come: a registry of sources.

A source is a function ``rows(user)`` returning ``Candidate`` rows the user may see. Apps on
a higher tier (the warehouse's alerts) or project wiring (the LIO decisions of ``meetings``,
a sibling this app may not import) register theirs with ``register``; the planning page shows
each source with its rows.

An origin is what a planned inspection (or address check) can start from: ``origin_register``
names a kind ("alert", "signal", ...) and a function ``resolve(user, value, request)`` giving
the ``Prefill`` of the plan form, or raising Http404 for what the user may not see. The plan
pages read ``?van=<kind>&id=<value>`` and fill the form with it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode


@dataclass(frozen=True)
class Candidate:
    reference: str
    text: str
    url: str = ""
    address: str = ""
    plan_url: str = ""
    check_url: str = ""
    remove_url: str = ""


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    rows: Callable[[object], list[Candidate]]
    more_url: str = ""


@dataclass(frozen=True)
class Prefill:
    """What the plan form of an inspection or an address check starts with."""

    addresses: list[str] = field(default_factory=list)  # lines "1234 AB 12"
    businesses: list[str] = field(default_factory=list)  # KvK numbers
    purpose: str = ""
    signal: str = ""  # a signal's reference
    alert_reference: str = ""

    def initial(self) -> dict:
        values = {
            "addresses": "\n".join(self.addresses),
            "address": self.addresses[0] if self.addresses else "",
            "businesses": "\n".join(self.businesses),
            "purpose": self.purpose,
            "signal": self.signal,
            "alert_reference": self.alert_reference,
        }
        return {k: v for k, v in values.items() if v}


_sources: dict[str, Source] = {}
_origins: dict[str, Callable[..., Prefill]] = {}


def register(name: str, title, rows: Callable[[object], list[Candidate]], more_url: str = ""):
    _sources[name] = Source(name, title, rows, more_url)


def unregister(name: str) -> None:
    _sources.pop(name, None)


def candidates(*, user) -> list[tuple[Source, list[Candidate]]]:
    return [(source, list(source.rows(user))) for source in _sources.values()]


def origin_register(kind: str, resolve: Callable[..., Prefill]) -> None:
    _origins[kind] = resolve


def prefill(*, user, kind: str, value: str, request=None) -> Prefill | None:
    """The prefill for ``?van=kind&id=value``; None without a kind; 404 for an unknown kind
    or an origin the user may not see (the resolver's own selector answers it)."""
    if not kind:
        return None
    resolve = _origins.get(kind)
    if resolve is None or not value:
        raise Http404
    return resolve(user, value, request)


def plan_url(kind: str, value, *, check: bool = False) -> str:
    """The plan page of an inspection (or, with ``check``, an address check) from an origin."""
    name = "inspections:check_plan" if check else "inspections:plan"
    return f"{reverse(name)}?{urlencode({'van': kind, 'id': str(value)})}"


def address_line(address) -> str:
    """The "1234 AB 12" line the plan form reads, for an address subject ('' without one)."""
    details = getattr(address, "address", None) if address is not None else None
    if details is None or not details.postcode or not details.house_number:
        return ""
    return registry_line(details.postcode, details.house_number)


def registry_line(postcode: str, house_number) -> str:
    postcode = (postcode or "").replace(" ", "").upper()
    if len(postcode) != 6 or not house_number:
        return ""
    return f"{postcode[:4]} {postcode[4:]} {house_number}"
