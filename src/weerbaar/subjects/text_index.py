"""Trigram text index over non-person subjects, one implementation per database.

PostgreSQL: a partial GIN index with pg_trgm, queried by word similarity.
SQLite: an FTS5 table with the trigram tokenizer, kept in step by triggers, queried with the
query's trigrams OR-ed together so a typo costs a few trigrams instead of the whole match.
Both are created by migration 0002.
"""

import re

from django.db import connection

FTS_TABLE = "subjects_subject_fts"

SQLITE_SETUP = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "search_text, content='subjects_subject', content_rowid='id', tokenize='trigram')",
    f"""CREATE TRIGGER IF NOT EXISTS subjects_subject_fts_ai AFTER INSERT ON subjects_subject
    WHEN new.kind <> 'person' BEGIN
      INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS subjects_subject_fts_ad AFTER DELETE ON subjects_subject
    WHEN old.kind <> 'person' BEGIN
      INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
      VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS subjects_subject_fts_au AFTER UPDATE ON subjects_subject
    WHEN old.kind <> 'person' BEGIN
      INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
      VALUES ('delete', old.id, old.search_text);
      INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS subjects_subject_fts_ai",
    "DROP TRIGGER IF EXISTS subjects_subject_fts_ad",
    "DROP TRIGGER IF EXISTS subjects_subject_fts_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS subjects_subject_text_trgm ON subjects_subject "
    "USING gin (search_text gin_trgm_ops) WHERE kind <> 'person'",
]
POSTGRES_TEARDOWN = ["DROP INDEX IF EXISTS subjects_subject_text_trgm"]


# Merges FTS5's segments, which keep a deleted row's trigrams until then.
SQLITE_OPTIMIZE = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"  # noqa: S608 (a constant)


def purge_deleted() -> None:
    """Take deleted subjects' text out of the index's storage (the retention job); on
    PostgreSQL the index goes with the row."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(SQLITE_OPTIMIZE)


def _trigrams(text: str) -> list[str]:
    grams = []
    for word in re.findall(r"[^\W\d_]{3,}", text):
        grams += [word[i : i + 3] for i in range(len(word) - 2)]
    return list(dict.fromkeys(grams))


def _sqlite_match(cursor, grams: list[str], limit: int) -> list[int]:
    """Every trigram present first (an exact substring: fast); OR-ed only when that finds
    too little, so a typo still matches at the cost of ranking more candidates."""
    rows: list[int] = []
    for joiner in (" AND ", " OR "):
        expression = joiner.join(f'"{g}"' for g in grams)
        cursor.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY rank LIMIT %s",
            [expression, limit],
        )
        rows = [row[0] for row in cursor.fetchall()]
        if rows or len(grams) == 1:
            break
    return rows


def match(folded_query: str, *, limit: int) -> list[int]:
    """Ids of non-person subjects whose text best resembles the query."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT id FROM subjects_subject WHERE kind <> 'person' AND %s <%% search_text "
                "ORDER BY word_similarity(%s, search_text) DESC LIMIT %s",
                [folded_query, folded_query, limit],
            )
        else:
            grams = _trigrams(folded_query)
            if not grams:
                return []
            expression = " OR ".join(f'"{g}"' for g in grams)
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY rank LIMIT %s",
                [expression, limit],
            )
        return [row[0] for row in cursor.fetchall()]
