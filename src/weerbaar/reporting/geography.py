"""The map: signals, alerts, cases and measures of a year counted per area (PC4, PC6 or a
hexagon), never traceable to one address for a reader without need-to-know.

Every count comes with how many of its rows the reader may see (``core.counting``), as in
the yearly report: a count below five is "< 5" unless the reader may see every row behind it.
A PC6 area is shown on its own only where that holds and the area has five addresses or
more; otherwise its rows count in the rest of its PC4 area. A hexagon may hold a single
address, so a hexagon with a small number is not drawn at all. Single addresses are drawn only
for a reader who may see the objects, and only with the objects they may see.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from weerbaar.cases.selectors import map_counts as case_counts
from weerbaar.cases.selectors import may_see_cases
from weerbaar.core import area_map, geo
from weerbaar.core.area_map import Layer
from weerbaar.interventions.selectors import map_counts as measure_counts
from weerbaar.reporting.constants import SMALL
from weerbaar.reporting.figures import Cell, total_of
from weerbaar.signals.selectors import map_counts as signal_counts
from weerbaar.signals.selectors import may_see_signals

HEXAGON_M = 500  # centre to corner, metres: about 0.65 km² a cell, a few streets


OWN_LAYERS = {
    "meldingen": Layer(_("Signals"), signal_counts, may_see_signals),
    "zaken": Layer(_("Cases"), case_counts, may_see_cases),
    "maatregelen": Layer(_("Measures decided"), measure_counts, may_see_cases),
}


def layers() -> dict[str, Layer]:
    """The map's layers: its own, then those a sibling app registered (the warehouse's
    alerts, through ``core.area_map``)."""
    return {**OWN_LAYERS, **area_map.layers()}


LEVELS = {
    "pc4": _("Postcode area (four digits)"),
    "pc6": _("Postcode (six characters) where the numbers allow"),
    "zeshoek": _("Hexagons of about 0.65 km²"),
    "adres": _("Addresses (only what you may see)"),
}


@dataclass
class Area:
    label: str
    lon: float
    lat: float
    cell: Cell
    ring: list | None = None  # a hexagon's corners; None: drawn as a circle at its centre

    @property
    def shown(self):
        return self.cell.shown

    def as_json(self) -> dict:
        """What the page's script draws: never the count behind a "< 5"."""
        hidden = self.cell.hidden
        return {
            "label": self.label,
            "lon": self.lon,
            "lat": self.lat,
            "ring": self.ring,
            "shown": str(self.shown),
            "value": None if hidden else self.cell.total,
        }


@dataclass
class MapData:
    areas: list[Area] = field(default_factory=list)
    unplaced: Cell = field(default_factory=Cell)  # no address, or one the BAG does not place
    scattered: Cell = field(default_factory=Cell)  # hexagons of fewer than five, not drawn
    total: Cell = field(default_factory=Cell)


def levels_for(user, layer: str) -> dict:
    """The levels ``user`` may choose for ``layer``: single addresses only with need-to-know."""
    if layers()[layer].addresses(user):
        return LEVELS
    return {key: title for key, title in LEVELS.items() if key != "adres"}


def build(*, user, layer: str, year: int, level: str) -> MapData:
    rows = layers()[layer].counts(user=user, year=year)
    if level == "adres":
        # The objects the user may see, and nothing of the others.
        rows = [{**r, "total": r["seen"]} for r in rows if r["seen"]]
    cells = [(r["postcode"], r["number"], Cell(r["total"], r["seen"])) for r in rows]
    if level in ("pc4", "pc6"):
        data = _by_postcode(cells, level)
    else:
        data = _by_point(cells, level)
    data.areas.sort(key=lambda a: (-(0 if a.cell.hidden else a.cell.total), a.label))
    data.total = total_of([a.cell for a in data.areas] + [data.unplaced, data.scattered])
    return data


def _by_postcode(cells, level: str) -> MapData:
    data, pc4 = MapData(), area_map.places().postcode_centres(4)
    pc6 = area_map.places().postcode_centres(6) if level == "pc6" else {}
    grouped: dict[str, Cell] = {}
    for postcode, _number, cell in cells:
        key = postcode[:4] if level == "pc4" else postcode
        grouped[key] = grouped.get(key, Cell()) + cell
    rest: dict[str, Cell] = {}
    for key, cell in grouped.items():
        centre = pc6.get(key) if level == "pc6" else pc4.get(key)
        if level == "pc6" and centre and not _own_area(cell, centre):
            centre = None
        if centre:
            data.areas.append(Area(key, centre.lon, centre.lat, cell))
        elif level == "pc6" and key[:4] in pc4:
            rest[key[:4]] = rest.get(key[:4], Cell()) + cell
        else:
            data.unplaced = data.unplaced + cell
    for key, cell in rest.items():
        centre = pc4[key]
        label = str(_("%(area)s, other postcodes") % {"area": key})
        data.areas.append(Area(label, centre.lon, centre.lat, cell))
    return data


def _own_area(cell: Cell, centre) -> bool:
    """A PC6 area shown by itself: to a reader who may see every row, or when neither its
    count nor its number of addresses is small."""
    return cell.seen >= cell.total or (cell.total >= SMALL and centre.addresses >= SMALL)


def _by_point(cells, level: str) -> MapData:
    data = MapData()
    points = area_map.places().address_points({(pc, nr) for pc, nr, _cell in cells})
    grouped: dict[tuple, Cell] = {}
    for postcode, number, cell in cells:
        point = points.get((postcode, number))
        if point is None:
            data.unplaced = data.unplaced + cell
            continue
        if level == "adres":
            key = (postcode, number, point.lon, point.lat)
        else:
            key = geo.hexagon(point.rd_x, point.rd_y, HEXAGON_M)
        grouped[key] = grouped.get(key, Cell()) + cell
    for key, cell in grouped.items():
        if level == "adres":
            postcode, number, lon, lat = key
            data.areas.append(Area(f"{postcode} {number}", lon, lat, cell))
            continue
        if cell.hidden:  # a hexagon may hold a single address: a small number is not placed
            data.scattered = data.scattered + cell
            continue
        ring = geo.hexagon_ring(*key, HEXAGON_M)
        lon = sum(p[0] for p in ring[:-1]) / 6
        lat = sum(p[1] for p in ring[:-1]) / 6
        label = str(_("Hexagon at %(lat).4f N, %(lon).4f E") % {"lat": lat, "lon": lon})
        data.areas.append(Area(label, lon, lat, cell, ring=ring))
    return data
