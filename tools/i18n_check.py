"""Fail when the Dutch catalogue is out of date or incomplete (run by ``make lint``).

Runs ``makemessages`` on a copy of the source and compares its entries with the committed
catalogue; fails on any missing or obsolete entry, on an empty or fuzzy Dutch translation and
on a compiled catalogue that does not match the source catalogue.

A developer tool, not part of the installed package: run it from the repository root as
``python tools/i18n_check.py`` with ``WEERBAAR_ENV=test``.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "weerbaar"
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"
# The same flags a developer uses to update the catalogue (docs/architecture.md).
MAKEMESSAGES = ["makemessages", "-l", "nl", "--no-location", "--no-wrap", "-i", "demo/*"]


def entries(catalogue: polib.POFile) -> set[tuple[str, str, str]]:
    """The (msgctxt, msgid, msgid_plural) keys of the catalogue's live entries."""
    return {(e.msgctxt or "", e.msgid, e.msgid_plural) for e in catalogue if not e.obsolete}


def _empty(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return not entry.msgstr_plural or "" in entry.msgstr_plural.values()
    return entry.msgstr == ""


def untranslated(catalogue: polib.POFile) -> list[str]:
    """Entries a Dutch reader would see in English: empty, a plural form missing, or fuzzy."""
    return [e.msgid for e in catalogue if not e.obsolete and (e.fuzzy or _empty(e))]


def extracted() -> polib.POFile:
    """The catalogue ``makemessages`` would write for the source as it is now."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "weerbaar"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
        (copy / "locale" / "nl" / "LC_MESSAGES" / "django.po").unlink()
        subprocess.run(
            [sys.executable, "-m", "django", *MAKEMESSAGES, "--settings=weerbaar.settings"],
            cwd=copy,
            check=True,
            capture_output=True,
        )
        return polib.pofile(str(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"))


def compiled_matches() -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        compiled = Path(tmp) / "django.mo"
        subprocess.run(["msgfmt", "-o", str(compiled), str(CATALOGUE)], check=True)
        return compiled.read_bytes() == CATALOGUE.with_suffix(".mo").read_bytes()


def problems(committed: polib.POFile, fresh: polib.POFile) -> list[str]:
    ours, theirs = entries(committed), entries(fresh)
    found = [f"missing in catalogue: {key}" for key in sorted(theirs - ours)]
    found += [f"obsolete in catalogue: {key}" for key in sorted(ours - theirs)]
    found += [f"empty or fuzzy Dutch translation: {msgid!r}" for msgid in untranslated(committed)]
    return found


def main() -> int:
    fresh = extracted()
    found = problems(polib.pofile(str(CATALOGUE)), fresh)
    if not compiled_matches():
        found.append("django.mo is not compiled from django.po (run compilemessages)")
    for problem in found:
        print(problem, file=sys.stderr)
    print(f"i18n: {len(entries(fresh))} entries, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
