"""What the map (``reporting``) draws from a sibling app it may not import (the warehouse):
a layer of counts and the places of addresses and buildings, registered from that app's
``AppConfig.ready()``. Without a registration the map has no such layer and no places."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Layer:
    title: str
    counts: Callable  # (user=, year=) -> rows of core.counting.per_address
    addresses: Callable  # (user) -> whether the user may see single addresses of this layer


class NoPlaces:
    """Places when no app registered any: an empty map, not an error."""

    def postcode_centres(self, digits):
        return {}

    def address_points(self, keys):
        return {}

    def extent(self):
        return None

    def buildings(self, box, *, limit):
        return []


_layers: dict[str, Layer] = {}
_places = [NoPlaces()]


def register_layer(key: str, layer: Layer) -> None:
    _layers[key] = layer


def layers() -> dict[str, Layer]:
    return dict(_layers)


def register_places(provider) -> None:
    """``provider`` answers ``postcode_centres``, ``address_points``, ``extent`` and
    ``buildings`` as ``warehouse.places`` does."""
    _places[0] = provider


def places():
    return _places[0]
