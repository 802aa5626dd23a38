"""Normalisation of Dutch identifiers and names, so the same thing is found however typed.

Each ``normalize_*`` function returns the canonical stored form or raises a
``ValidationError`` with a Dutch message meant for display next to the form field.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s*([A-Z]{2})$")
_HOUSE_NUMBER = re.compile(
    r"^(?P<number>[0-9]{1,5})(?:\s*(?P<letter>[A-Z])(?![A-Z0-9]))?"
    r"(?:\s*[-\s]\s*(?P<addition>[A-Z0-9]{1,4})|(?P<suffix>[A-Z]{2,4}))?$"
)
_KVK = re.compile(r"^[0-9]{8}$")

# Side codes of Dutch licence plates (RDW); groups give where the dashes go.
_PLATE_SIDECODES = [
    r"([A-Z]{2})([0-9]{2})([0-9]{2})",
    r"([0-9]{2})([0-9]{2})([A-Z]{2})",
    r"([0-9]{2})([A-Z]{2})([0-9]{2})",
    r"([A-Z]{2})([0-9]{2})([A-Z]{2})",
    r"([A-Z]{2})([A-Z]{2})([0-9]{2})",
    r"([0-9]{2})([A-Z]{2})([A-Z]{2})",
    r"([0-9]{2})([A-Z]{3})([0-9])",
    r"([0-9])([A-Z]{3})([0-9]{2})",
    r"([A-Z]{2})([0-9]{3})([A-Z])",
    r"([A-Z])([0-9]{3})([A-Z]{2})",
    r"([A-Z]{3})([0-9]{2})([A-Z])",
    r"([A-Z])([0-9]{2})([A-Z]{3})",
    r"([0-9])([A-Z]{2})([0-9]{3})",
    r"([0-9]{3})([A-Z]{2})([0-9])",
]
_PLATE_PATTERNS = [re.compile(f"^{p}$") for p in _PLATE_SIDECODES]

# Tussenvoegsels (name prefixes) as written in the BRP, plus common abbreviations.
PREFIX_WORDS = frozenset(
    "van de der den het ter ten te 't in op onder over bij aan uit tot voor "
    "la le les du da dal del della di dos das do von zu vom zum d' l' mac mc o' "
    "vd vdr vden v t d l".split()
)
_PREFIX_ABBREVIATIONS = {"vd": "van der", "vdr": "van der", "vden": "van den", "v": "van"}


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics: "Çelik" -> "celik"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def key(text: str) -> str:
    """Search key: folded, letters and digits only ("Van 't Hek-Ösel" -> "vanthekosel")."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def normalize_postcode(value: str) -> str:
    """Return "1234AB" for "1234 ab", "1234ab" or "1234  AB"."""
    candidate = (value or "").strip().upper()
    match = _POSTCODE.match(candidate)
    if not match or match.group(2) in {"SA", "SD", "SS"}:
        raise ValidationError(
            _("Enter a valid postcode: four digits and two letters, such as 1234 AB."),
            code="postcode",
        )
    return match.group(1) + match.group(2)


def format_postcode(postcode: str) -> str:
    return f"{postcode[:4]} {postcode[4:]}" if len(postcode) == 6 else postcode


@dataclass(frozen=True)
class HouseNumber:
    number: int
    letter: str = ""
    addition: str = ""

    def __str__(self) -> str:
        text = f"{self.number}{self.letter}"
        return f"{text}-{self.addition}" if self.addition else text


def parse_house_number(value: str) -> HouseNumber:
    """Split "12", "12a", "12 A", "12-3", "12A-bis" into number, letter and addition."""
    match = _HOUSE_NUMBER.match((value or "").strip().upper())
    if not match or int(match.group("number")) == 0:
        raise ValidationError(
            _(
                "Enter a valid house number, with letter or addition if any, "
                "such as 12, 12a or 12-2."
            ),
            code="house_number",
        )
    return HouseNumber(
        int(match.group("number")),
        match.group("letter") or "",
        match.group("addition") or match.group("suffix") or "",
    )


def normalize_plate(value: str) -> str:
    """Return a Dutch licence plate without dashes ("12-ABC-3" -> "12ABC3")."""
    candidate = re.sub(r"[\s\-.]", "", (value or "").upper())
    if not any(p.match(candidate) for p in _PLATE_PATTERNS):
        raise ValidationError(
            _("This is not a Dutch licence plate. Enter it as on the plate, for example 12-ABC-3."),
            code="plate",
        )
    return candidate


def format_plate(plate: str) -> str:
    for pattern in _PLATE_PATTERNS:
        match = pattern.match(plate)
        if match:
            return "-".join(match.groups())
    return plate


def normalize_kvk(value: str) -> str:
    candidate = re.sub(r"[\s.]", "", value or "")
    if not _KVK.match(candidate):
        raise ValidationError(
            _("A KvK number consists of exactly 8 digits, such as 12345678."), code="kvk"
        )
    return candidate


@dataclass(frozen=True)
class ParsedName:
    given_names: str
    initials: str
    prefix: str
    surname: str


def _expand_prefix(words: list[str]) -> str:
    expanded = [_PREFIX_ABBREVIATIONS.get(key(w), w.lower()) for w in words]
    return " ".join(expanded)


def _is_initials(word: str) -> bool:
    return bool(re.fullmatch(r"([A-Za-z]\.)+[A-Za-z]?\.?|[A-Z]{1,4}\.|[A-Z]", word))


def query_initials(text: str) -> str:
    """The initials typed in a query ("Berg, J.P. van der" -> "JP"), upper case."""
    text = re.sub(r"\bv\.\s?d\.", " ", text or "", flags=re.IGNORECASE)
    words = [w for w in re.split(r"[\s,;/]+", text) if w and _is_initials(w)]
    return "".join(ch for w in words for ch in w if ch.isalpha()).upper()


def _split_words(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split "Jan Pieter van der Berg" into given words, prefix words and surname words."""
    first_prefix = next(
        (i for i, w in enumerate(words) if i > 0 and key(w) in PREFIX_WORDS and i < len(words) - 1),
        None,
    )
    if first_prefix is None:
        return words[:-1], [], words[-1:]
    end = first_prefix
    while end < len(words) - 1 and key(words[end]) in PREFIX_WORDS:
        end += 1
    return words[:first_prefix], words[first_prefix:end], words[end:]


def parse_name(text: str) -> ParsedName:
    """Parse a person's name as typed: "Jan van der Berg", "Berg, J. van der", "J. v.d. Berg"."""
    text = re.sub(r"\bv\.\s?d\.", "vd", (text or "").strip(), flags=re.IGNORECASE)
    if "," in text:
        surname_part, _comma, rest = text.partition(",")
        rest_words = rest.split()
        prefix_words = [w for w in rest_words if key(w) in PREFIX_WORDS and not _is_initials(w)]
        given_words = [w for w in rest_words if w not in prefix_words]
        surname_words = surname_part.split()
    else:
        given_words, prefix_words, surname_words = _split_words(text.split())
    initials_words = [w for w in given_words if _is_initials(w)]
    full_given = [w for w in given_words if not _is_initials(w)]
    initials = (
        "".join(ch for w in initials_words for ch in w if ch.isalpha()).upper()
        or "".join(w[0] for w in full_given).upper()
    )
    return ParsedName(
        given_names=" ".join(full_given),
        initials=initials,
        prefix=_expand_prefix(prefix_words),
        surname=" ".join(surname_words),
    )


def query_tokens(text: str) -> list[str]:
    """Search keys of the meaningful words in a query: no prefixes, no initials."""
    text = re.sub(r"\bv\.\s?d\.", " ", text or "", flags=re.IGNORECASE)
    tokens = []
    for word in re.split(r"[\s,;/]+", text):
        if not word or _is_initials(word) or key(word) in PREFIX_WORDS:
            continue
        token = key(word)
        if len(token) >= 2:
            tokens.append(token)
    return tokens


def strip_glued_prefix(token: str) -> str | None:
    """Return "berg" for "vanderberg": a tussenvoegsel typed against the surname."""
    for prefix in ("vanden", "vander", "vande", "vant", "van", "ter", "ten", "de", "te"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            return token[len(prefix) :]
    return None
