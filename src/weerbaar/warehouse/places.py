"""Where addresses and buildings lie, for the map: public registry data (the BAG's points
and outlines), never a person. Read from the warehouse file; an empty warehouse gives an
empty map, not an error."""

from dataclasses import dataclass

from weerbaar.warehouse import db


@dataclass(frozen=True)
class Centre:
    lon: float
    lat: float
    addresses: int  # in the area: an area of a few addresses is nearly one address


@dataclass(frozen=True)
class Point:
    rd_x: float
    rd_y: float
    lon: float
    lat: float


def postcode_centres(digits: int) -> dict[str, Centre]:
    """The centre of the addresses of every postcode area: ``digits`` 4 for PC4 (``6981``),
    6 for PC6 (``6981CH``)."""
    length = 4 if digits == 4 else 6
    with db.connect() as con:
        rows = con.execute(
            "SELECT left(postcode, ?) AS area, avg(lon), avg(lat), count(*) FROM bag_address "
            "WHERE postcode IS NOT NULL AND lon IS NOT NULL GROUP BY area",
            [length],
        ).fetchall()
    return {area: Centre(lon, lat, count) for area, lon, lat, count in rows}


def address_points(keys: set[tuple[str, int]]) -> dict[tuple[str, int], Point]:
    """The point of each (postcode, house number); an address with several house letters
    lies at the centre of them."""
    keys = {k for k in keys if k[0] and k[1] is not None}
    if not keys:
        return {}
    postcodes, numbers = zip(*sorted(keys), strict=True)
    with db.connect() as con:
        rows = con.execute(
            "WITH wanted AS (SELECT unnest(?::VARCHAR[]) AS postcode, "
            "unnest(?::INTEGER[]) AS house_number) "
            "SELECT a.postcode, a.house_number, avg(rd_x), avg(rd_y), avg(lon), avg(lat) "
            "FROM bag_address a JOIN wanted USING (postcode, house_number) "
            "WHERE lon IS NOT NULL GROUP BY a.postcode, a.house_number",
            [list(postcodes), list(numbers)],
        ).fetchall()
    return {(pc, nr): Point(x, y, lon, lat) for pc, nr, x, y, lon, lat in rows}


def extent() -> tuple[float, float, float, float] | None:
    """West, south, east and north of the municipality's addresses and buildings."""
    with db.connect() as con:
        found = con.execute(
            "SELECT min(w), min(s), max(e), max(n) FROM ("
            "SELECT min(lon) w, min(lat) s, max(lon) e, max(lat) n FROM bag_address "
            "UNION ALL SELECT min(west), min(south), max(east), max(north) FROM bag_building)"
        ).fetchone()
    return None if found[0] is None else tuple(found)


def buildings(box: tuple[float, float, float, float], *, limit: int) -> list[tuple] | None:
    """(pand id, building year, outline as a JSON array of [lon, lat]) of the buildings that
    touch ``box`` (west, south, east, north); None when there are more than ``limit`` (the
    map asks the user to zoom in)."""
    west, south, east, north = box
    with db.connect() as con:
        rows = con.execute(
            "SELECT pand_id, building_year, outline FROM bag_building "
            "WHERE east >= ? AND west <= ? AND north >= ? AND south <= ? LIMIT ?",
            [west, east, south, north, limit + 1],
        ).fetchall()
    return None if len(rows) > limit else rows


def building_centres() -> list[tuple[float, float]]:
    """The centre (lon, lat) of every building, in bands of about a hundred metres from
    south to north and west to east within a band: neighbours follow each other, as the
    houses of a street do (the demo places its addresses along them)."""
    with db.connect() as con:
        return con.execute(
            "SELECT (west + east) / 2 AS lon, (south + north) / 2 AS lat FROM bag_building "
            "ORDER BY floor(lat / 0.0009), lon, pand_id"
        ).fetchall()
