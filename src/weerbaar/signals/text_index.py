"""Full-text index over signals, one implementation per database.

PostgreSQL: a stored generated ``tsvector`` column with the Dutch text search configuration
(real stemming) and a GIN index on it, queried with ``websearch_to_tsquery`` so users can type
words, "phrases" and -exclusions. Stored rather than an expression index because the planner
often walks the newest-first index and tests each row: a stored vector makes that test cheap
(at 100,000 signals, p95 from 535 ms to under 40 ms). Django does not know the column; the
database fills it.
SQLite: an FTS5 table kept in step by triggers; FTS5 has no Dutch stemmer, so each query word
loses a common Dutch inflection and is matched as a prefix (``woningen`` finds ``woning``).
Both are created by a migration. A later migration that rebuilds ``signals_signal`` on SQLite
(Django remakes the table for most column changes) drops the triggers, and on PostgreSQL a
column used by ``search_tsv`` cannot change type: such a migration must run the TEARDOWN and
SETUP statements around its change.
"""

import re

from django.db import connection

FTS_TABLE = "signals_signal_fts"
COLUMNS = "summary, description, location_text"
DOCUMENT = "summary || ' ' || description || ' ' || location_text"
TSVECTOR = f"to_tsvector('dutch'::regconfig, {DOCUMENT})"

SQLITE_SETUP = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({COLUMNS}, "
    "content='signals_signal', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    f"""CREATE TRIGGER IF NOT EXISTS signals_signal_fts_ai AFTER INSERT ON signals_signal BEGIN
      INSERT INTO {FTS_TABLE}(rowid, {COLUMNS})
      VALUES (new.id, new.summary, new.description, new.location_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS signals_signal_fts_ad AFTER DELETE ON signals_signal BEGIN
      INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {COLUMNS})
      VALUES ('delete', old.id, old.summary, old.description, old.location_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS signals_signal_fts_au AFTER UPDATE OF {COLUMNS}
    ON signals_signal BEGIN
      INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {COLUMNS})
      VALUES ('delete', old.id, old.summary, old.description, old.location_text);
      INSERT INTO {FTS_TABLE}(rowid, {COLUMNS})
      VALUES (new.id, new.summary, new.description, new.location_text);
    END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS signals_signal_fts_ai",
    "DROP TRIGGER IF EXISTS signals_signal_fts_ad",
    "DROP TRIGGER IF EXISTS signals_signal_fts_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
# Merges FTS5's segments, which keep a deleted row's words until then.
SQLITE_OPTIMIZE = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"  # noqa: S608 (a constant)
POSTGRES_SETUP = [
    f"ALTER TABLE signals_signal ADD COLUMN IF NOT EXISTS search_tsv tsvector "
    f"GENERATED ALWAYS AS ({TSVECTOR}) STORED",
    "CREATE INDEX IF NOT EXISTS signals_signal_fulltext ON signals_signal USING gin (search_tsv)",
]
POSTGRES_TEARDOWN = [
    "DROP INDEX IF EXISTS signals_signal_fulltext",
    "ALTER TABLE signals_signal DROP COLUMN IF EXISTS search_tsv",
]

# Longest first, so "heden" is tried before "en".
_SUFFIXES = ("heden", "ingen", "tjes", "jes", "en", "es", "s", "e")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def sqlite_expression(query: str) -> str:
    """An FTS5 query: every word must occur, matched on its stem as a prefix."""
    words = re.findall(r"[^\W_]+", query.lower())
    return " AND ".join(f'"{_stem(w)}"*' for w in words)


def where(query: str) -> tuple[str, list[str]] | None:
    """SQL (for ``id IN (...)``) and parameters selecting the signals matching ``query``."""
    if connection.vendor == "postgresql":
        return (
            "SELECT id FROM signals_signal WHERE search_tsv @@ "
            "websearch_to_tsquery('dutch'::regconfig, %s)",
            [query],
        )
    expression = sqlite_expression(query)
    if not expression:
        return None
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression]


def purge_deleted() -> None:
    """Take the words of deleted signals out of the index's storage (the retention job).
    SQLite's FTS5 keeps them in its segments until these are merged; PostgreSQL's column
    goes with its row."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(SQLITE_OPTIMIZE)
