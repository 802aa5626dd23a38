"""Where BAG objects lie: RD New (EPSG:28992), as the BAG delivers them, and WGS84 for the
map, converted with pyproj. Only the transformation that ships with pyproj is used (no grid
download: the server has no internet), which is accurate to about a metre; enough to draw a
building and count objects per area."""

import json
import math
from functools import cache

from pyproj import Transformer

# RD New's domain: a coordinate outside it is a typing or delivery error, not a place in the
# Netherlands, and is kept without a position.
RD_X = (-7_000.0, 300_000.0)
RD_Y = (289_000.0, 629_000.0)
DECIMALS = 6  # about 0.1 m in degrees: more would only make the outlines longer


@cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def in_rd(x: float, y: float) -> bool:
    return RD_X[0] <= x <= RD_X[1] and RD_Y[0] <= y <= RD_Y[1]


def to_wgs84(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """Longitudes and latitudes of RD New points, rounded to DECIMALS."""
    lons, lats = _to_wgs84().transform(xs, ys)
    return [round(v, DECIMALS) for v in lons], [round(v, DECIMALS) for v in lats]


def numbers(text: str) -> list[float] | None:
    """The numbers of a GML ``pos`` or ``posList``; None when one is not a finite number."""
    try:
        values = [float(v) for v in text.split()]
    except ValueError:
        return None
    return values if all(math.isfinite(v) for v in values) else None


def point(values: list[float], dimension: int) -> tuple[float, float] | None:
    """The RD point of a ``pos``, or the centre of a ``posList`` (an object drawn as an
    outline instead of a point); None outside RD New."""
    xs, ys = values[0::dimension], values[1::dimension]
    if not xs or len(xs) != len(ys):
        return None
    x, y = sum(xs) / len(xs), sum(ys) / len(ys)
    return (x, y) if in_rd(x, y) else None


def outline(values: list[float], dimension: int) -> dict | None:
    """A building's exterior ring as the map draws it: its bounds and its WGS84 ring as a
    JSON array of [lon, lat]; None for a ring of fewer than three points or outside RD New."""
    xs, ys = values[0::dimension], values[1::dimension]
    if len(xs) < 3 or len(xs) != len(ys) or not all(map(in_rd, xs, ys)):
        return None
    lons, lats = to_wgs84(xs, ys)
    return {
        "west": min(lons),
        "south": min(lats),
        "east": max(lons),
        "north": max(lats),
        "outline": json.dumps(
            [[a, b] for a, b in zip(lons, lats, strict=True)], separators=(",", ":")
        ),
    }


# Hexagons of the map, in metres of RD New so every cell has the same area.
def hexagon(x: float, y: float, size: float) -> tuple[int, int]:
    """The axial coordinates of the pointy-topped hexagon of ``size`` (centre to corner)
    holding an RD point."""
    q = (math.sqrt(3) / 3 * x - y / 3) / size
    r = (2 / 3 * y) / size
    return _round_axial(q, r)


def _round_axial(q: float, r: float) -> tuple[int, int]:
    s = -q - r
    rq, rr, rs = round(q), round(r), round(s)
    dq, dr, ds = abs(rq - q), abs(rr - r), abs(rs - s)
    if dq > dr and dq > ds:
        rq = -rr - rs
    elif dr > ds:
        rr = -rq - rs
    return int(rq), int(rr)


def hexagon_ring(q: int, r: int, size: float) -> list[list[float]]:
    """The six corners of a hexagon as WGS84 [lon, lat], closed."""
    cx = size * math.sqrt(3) * (q + r / 2)
    cy = size * 3 / 2 * r
    angles = [math.radians(60 * i - 30) for i in range(6)]
    xs = [cx + size * math.cos(a) for a in angles]
    ys = [cy + size * math.sin(a) for a in angles]
    lons, lats = to_wgs84(xs, ys)
    ring = [[a, b] for a, b in zip(lons, lats, strict=True)]
    return [*ring, ring[0]]


@cache
def _to_rd() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)


def to_rd(lons: list[float], lats: list[float]) -> tuple[list[float], list[float]]:
    """RD New metres (to the millimetre) of WGS84 points."""
    xs, ys = _to_rd().transform(lons, lats)
    return [round(v, 3) for v in xs], [round(v, 3) for v in ys]
