"""The catalogue check reads the catalogue with polib, the way gettext does."""

import importlib.util
from pathlib import Path

import polib

_PATH = Path(__file__).resolve().parents[1] / "tools" / "i18n_check.py"
_SPEC = importlib.util.spec_from_file_location("i18n_check", _PATH)
i18n_check = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(i18n_check)

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


def _po(body: str) -> polib.POFile:
    return polib.pofile(HEADER + body)


def test_a_wrapped_entry_is_one_entry_and_matches_its_unwrapped_extraction():
    committed = _po('msgid ""\n"Save "\n"the case"\nmsgstr ""\n"Zaak "\n"opslaan"\n')
    fresh = _po('msgid "Save the case"\nmsgstr ""\n')
    assert i18n_check.problems(committed, fresh) == []


def test_a_missing_and_an_obsolete_entry_are_named():
    committed = _po('msgid "Old"\nmsgstr "Oud"\n\n#~ msgid "Gone"\n#~ msgstr "Weg"\n')
    fresh = _po('msgid "New"\nmsgstr ""\n')
    assert i18n_check.problems(committed, fresh) == [
        "missing in catalogue: ('', 'New', '')",
        "obsolete in catalogue: ('', 'Old', '')",
    ]


def test_an_empty_fuzzy_or_half_plural_translation_is_refused():
    committed = _po(
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guess"\nmsgstr "Gok"\n\n'
        'msgid "one file"\nmsgid_plural "%(n)s files"\nmsgstr[0] "een bestand"\nmsgstr[1] ""\n\n'
        'msgid "one case"\nmsgid_plural "%(n)s cases"\nmsgstr[0] "een zaak"\nmsgstr[1] "%(n)s zaken"\n'
    )
    assert i18n_check.untranslated(committed) == ["Empty", "Guess", "one file"]


def test_the_same_text_in_two_contexts_is_two_entries():
    committed = _po('msgctxt "month"\nmsgid "May"\nmsgstr "mei"\n')
    fresh = _po('msgctxt "month"\nmsgid "May"\nmsgstr ""\n\nmsgid "May"\nmsgstr ""\n')
    assert i18n_check.problems(committed, fresh) == ["missing in catalogue: ('', 'May', '')"]
