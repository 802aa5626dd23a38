import logging
from collections import Counter

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from weerbaar.core import crypto
from weerbaar.core.fields import encrypted_fields

log = logging.getLogger("weerbaar.security")


class Command(BaseCommand):
    help = (
        "Field encryption of the compartments: 'status' counts the values per key of every "
        "encrypted column; 'rotate' re-encrypts every value under the current key (the first "
        "of FIELD_ENCRYPTION_KEYS), after which the older keys can be removed."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "rotate"])

    def handle(self, *args, action, **options):
        for model, field in encrypted_fields():
            table, column = model._meta.db_table, field.column
            if action == "rotate":
                with transaction.atomic():
                    changed = crypto.reencrypt_column(connection, table, column, field.context)
                self.stdout.write(f"{field.context}: {changed} re-encrypted")
                log.info("field encryption rotated", extra={"column": field.context, "n": changed})
            else:
                keys = _raw_counts(table, column)
                current = crypto.current_id()
                parts = ", ".join(
                    f"{key}{' (current)' if key == current else ''}: {n}"
                    for key, n in sorted(keys.items())
                )
                self.stdout.write(f"{field.context}: {parts or 'empty'}")


def _raw_counts(table: str, column: str) -> Counter:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(column)} FROM {quote(table)} "  # noqa: S608
            f"WHERE {quote(column)} IS NOT NULL AND {quote(column)} <> ''"
        )
        return Counter(crypto.key_id_of(value) or "plain" for (value,) in cursor.fetchall())
