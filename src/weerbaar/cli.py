"""The ``weerbaar`` command: a thin front to Django's management commands.

``weerbaar audit verify`` runs ``manage.py audit verify``; ``weerbaar demo`` prepares and
serves the demo municipality.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    execute_from_command_line(["weerbaar", *args])


if __name__ == "__main__":
    main()
