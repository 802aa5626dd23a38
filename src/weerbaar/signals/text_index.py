"""Full-text index over signals, one implementation per database.

PostgreSQL: a GIN expression index with the Dutch text search configuration (real stemming),
queried with ``websearch_to_tsquery`` so users can type words, "phrases" and -exclusions.
SQLite: an FTS5 table kept in step by triggers; FTS5 has no Dutch stemmer, so each query word
loses a common Dutch inflection and is matched as a prefix (``woningen`` finds ``woning``).
Both are created by a migration.
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
POSTGRES_SETUP = [
    f"CREATE INDEX IF NOT EXISTS signals_signal_fulltext ON signals_signal USING gin ({TSVECTOR})"
]
POSTGRES_TEARDOWN = ["DROP INDEX IF EXISTS signals_signal_fulltext"]

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
            f"SELECT id FROM signals_signal WHERE {TSVECTOR} @@ "
            "websearch_to_tsquery('dutch'::regconfig, %s)",
            [query],
        )
    expression = sqlite_expression(query)
    if not expression:
        return None
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression]
