"""Fail when the Dutch catalogue is out of date or incomplete (run by ``make lint``).

Runs ``makemessages`` on a copy of the source and compares its entries with the committed
catalogue; fails on any missing or obsolete entry, on an empty Dutch translation and on a
compiled catalogue that does not match the source catalogue.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"
_ENTRY = re.compile(r'^msgid "(.*)"\n(?:msgid_plural "(.*)"\n)?', re.M)


def entries(po_text: str) -> set[tuple[str, str | None]]:
    return {(m.group(1), m.group(2)) for m in _ENTRY.finditer(po_text) if m.group(1)}


def empty_translations(po_text: str) -> list[str]:
    blocks = po_text.split("\n\n")[1:]
    return [
        block.splitlines()[0]
        for block in blocks
        if re.search(r'^msgstr(\[\d\])? ""$', block, re.M) and not block.startswith("#~")
    ]


def extracted() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "weerbaar"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
        (copy / "locale" / "nl" / "LC_MESSAGES" / "django.po").unlink()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "makemessages",
                "-l",
                "nl",
                "--no-location",
                "--no-wrap",
                "-i",
                "demo/*",
                "--settings=weerbaar.settings",
            ],
            cwd=copy,
            check=True,
            capture_output=True,
        )
        return (copy / "locale" / "nl" / "LC_MESSAGES" / "django.po").read_text()


def main() -> int:
    committed = CATALOGUE.read_text()
    fresh = entries(extracted())
    problems = [f"missing in catalogue: {m}" for m in sorted(fresh - entries(committed), key=str)]
    problems += [f"obsolete in catalogue: {m}" for m in sorted(entries(committed) - fresh, key=str)]
    problems += [f"empty Dutch translation: {e}" for e in empty_translations(committed)]
    with tempfile.TemporaryDirectory() as tmp:
        compiled = Path(tmp) / "django.mo"
        subprocess.run(["msgfmt", "-o", str(compiled), str(CATALOGUE)], check=True)
        if compiled.read_bytes() != CATALOGUE.with_suffix(".mo").read_bytes():
            problems.append("django.mo is not compiled from django.po (run compilemessages)")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"i18n: {len(fresh)} entries, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
