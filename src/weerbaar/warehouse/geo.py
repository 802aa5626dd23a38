"""The BAG's RD points in WGS84 for a whole staging table at once (``core.geo`` holds the
conversion itself)."""

from weerbaar.core.geo import DECIMALS, _to_wgs84

CHUNK = 200_000
STAGED = {"stage_vbo", "stage_point"}  # the tables add_wgs84 may change: names, not input


def add_wgs84(con, table: str) -> None:
    """Fill the ``lon`` and ``lat`` columns of a DuckDB ``table`` from its RD ``x`` and ``y``,
    in chunks of rows transformed at once (numpy arrays through pyproj)."""
    import pandas

    if table not in STAGED:
        raise ValueError(table)
    con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS lon DOUBLE")
    con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS lat DOUBLE")
    # Numbered here: inside the import's transaction DuckDB's rowids are not 0, 1, 2 ...
    points = f"SELECT DISTINCT x, y FROM {table} WHERE x IS NOT NULL AND y IS NOT NULL"
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rd_point AS "
        f"SELECT row_number() OVER () AS n, x, y FROM ({points})"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE wgs84_point (x DOUBLE, y DOUBLE, lon DOUBLE, lat DOUBLE)"
    )
    count = con.execute("SELECT count(*) FROM rd_point").fetchone()[0]
    for start in range(1, count + 1, CHUNK):
        rows = con.execute(
            "SELECT x, y FROM rd_point WHERE n >= ? AND n < ?", [start, start + CHUNK]
        ).fetchnumpy()
        lons, lats = _to_wgs84().transform(rows["x"], rows["y"])
        frame = pandas.DataFrame(
            {
                "x": rows["x"],
                "y": rows["y"],
                "lon": lons.round(DECIMALS),
                "lat": lats.round(DECIMALS),
            }
        )
        con.register("wgs84_chunk", frame)
        con.execute("INSERT INTO wgs84_point SELECT x, y, lon, lat FROM wgs84_chunk")
        con.unregister("wgs84_chunk")
    con.execute(
        f"UPDATE {table} SET lon = w.lon, lat = w.lat FROM wgs84_point w "
        f"WHERE {table}.x = w.x AND {table}.y = w.y"
    )
    con.execute("DROP TABLE rd_point")
    con.execute("DROP TABLE wgs84_point")
