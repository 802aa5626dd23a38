"""Where the rules run: DuckDB on the warehouse file (one machine, the default), or Apache
Spark (a region or the national level) through the same rule files.

``WAREHOUSE_ENGINE=spark`` exports the warehouse tables to Parquet (``WAREHOUSE_PARQUET``,
on storage the cluster can read), registers them as views in a Spark session
(``SPARK_MASTER``: ``local[2]`` on one machine, ``spark://...`` for a cluster), and runs each
rule's SQL translated from DuckDB's dialect to Spark's by sqlglot, with the thresholds
filled in as literals. Both engines return the same hits (tests/warehouse/test_engines.py).
"""

import datetime
import decimal
import logging
import re
from pathlib import Path

import sqlglot
from django.conf import settings

INTERVAL = re.compile(r"\bto_(year|month|day)s\((\d+)\)", re.IGNORECASE)
TABLES = [
    "bag_address",
    "brp_person",
    "brp_residence",
    "brp_occupancy",
    "kvk_business",
    "sbi_code",
    "closure",
    "permit",
]


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, con):
        self.con = con

    def run(self, sql: str, params: dict) -> list[dict]:
        cursor = self.con.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _literal(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | decimal.Decimal):
        return repr(value) if not isinstance(value, decimal.Decimal) else str(value)
    return "'" + str(value).replace("'", "''") + "'"


def to_spark(sql: str, params: dict) -> str:
    """A rule's DuckDB SQL as Spark SQL, its ``$name`` parameters filled in as literals."""
    for name in sorted(params, key=len, reverse=True):  # $min_persons before $min
        sql = sql.replace(f"${name}", _literal(params[name]))
    # DuckDB's interval constructors, which sqlglot leaves as they are
    sql = INTERVAL.sub(lambda m: f"INTERVAL {m[2]} {m[1].upper()}", sql)
    return sqlglot.transpile(sql, read="duckdb", write="spark")[0]


def _plain(value):
    # Spark gives datetimes for some date arithmetic and Decimals for divisions.
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


class SparkEngine:
    name = "spark"

    def __init__(self, spark, folder: Path):
        self.spark = spark
        for table in TABLES:
            spark.read.parquet(str(folder / f"{table}.parquet")).createOrReplaceTempView(table)

    def run(self, sql: str, params: dict) -> list[dict]:
        rows = self.spark.sql(to_spark(sql, params)).collect()
        return [{k: _plain(v) for k, v in row.asDict().items()} for row in rows]


def export_parquet(con, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        target = folder / f"{table}.parquet"
        con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")  # noqa: S608 - our names


def spark_session():
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    # py4j tells of every connection it closes, even after the output streams are gone
    logging.getLogger("py4j").setLevel(logging.WARNING)
    session = (
        SparkSession.builder.master(settings.SPARK_MASTER)
        # the string similarity functions Splink's comparisons use (Jaro-Winkler ...)
        .config("spark.jars", similarity_jar_location())
        .appName("weerbaar-informatiepakhuis")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    # Splink cuts long query plans by checkpointing to storage the cluster shares.
    checkpoints = Path(settings.WAREHOUSE_PARQUET or Path(settings.WAREHOUSE_PATH).parent)
    session.sparkContext.setCheckpointDir(str(checkpoints / "spark-checkpoints"))
    return session


def create(con, name: str | None = None):
    """The engine the settings ask for, over the warehouse behind ``con``."""
    name = name or settings.WAREHOUSE_ENGINE
    if name == "duckdb":
        return DuckDBEngine(con)
    if name == "spark":
        default = Path(settings.WAREHOUSE_PATH).parent / "parquet"
        folder = Path(settings.WAREHOUSE_PARQUET) if settings.WAREHOUSE_PARQUET else default
        export_parquet(con, folder)
        return SparkEngine(spark_session(), folder)
    raise ValueError(f"unknown warehouse engine {name!r}")
