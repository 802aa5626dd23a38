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
_FIELD = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$')
_MORE = re.compile(r'^"(.*)"$')


def parse(po_text: str) -> list[dict[str, str]]:
    """The catalogue's entries as dicts of their fields, continuation lines joined."""
    entries = []
    for block in po_text.split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fields["fuzzy"] = "yes"
            if match := _FIELD.match(line):
                current = match.group(1)
                fields[current] = match.group(2)
            elif (match := _MORE.match(line)) and current:
                fields[current] += match.group(1)
        if fields.get("msgid"):
            entries.append(fields)
    return entries


def entries(po_text: str) -> set[tuple[str, str | None]]:
    return {(e["msgid"], e.get("msgid_plural")) for e in parse(po_text)}


def empty_translations(po_text: str) -> list[str]:
    return [
        e["msgid"]
        for e in parse(po_text)
        if e.get("fuzzy") or any(v == "" for k, v in e.items() if k.startswith("msgstr"))
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
    problems += [f"empty or fuzzy Dutch translation: {e}" for e in empty_translations(committed)]
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
