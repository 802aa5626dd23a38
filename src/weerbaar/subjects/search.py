"""Typo-tolerant subject search behind one entry point, ``search``.

The query decides the route: a postcode, KvK number, BSN or licence plate is looked up
exactly; "street number" goes through the street vocabulary; anything else is a name, matched
against the person-name vocabulary (edit distance) and against organisation and address text
(pg_trgm on PostgreSQL, FTS5 with the trigram tokenizer on SQLite). Candidates are fetched
through the caller's visibility-filtered queryset, then ranked here.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from weerbaar.core.bsn import bsn_hash, passes_elfproef
from weerbaar.core.normalize import (
    fold,
    key,
    normalize_kvk,
    normalize_plate,
    normalize_postcode,
    parse_house_number,
    query_initials,
    query_tokens,
    strip_glued_prefix,
)
from weerbaar.subjects import text_index, vocabulary
from weerbaar.subjects.constants import SubjectKind
from weerbaar.subjects.models import NameToken, Subject

CANDIDATE_LIMIT = 600
TEXT_LIMIT = 200
TOP = 50  # candidates ranked in full; only these are loaded with their details
_POSTCODE_QUERY = re.compile(r"^\s*([1-9][0-9]{3}\s*[A-Za-z]{2})(?:\s+(\S+(?:\s*\S{1,4})?))?\s*$")
_STREET_NUMBER = re.compile(r"^\s*(.*?[A-Za-z].*?)\s+([0-9]{1,5}\s*[A-Za-z]?(?:[-\s]\w{1,4})?)\s*$")


@dataclass
class SearchHit:
    subject: Subject
    score: float
    matched: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.subject.kind


def search(visible: QuerySet[Subject], query: str, *, limit: int = 25) -> list[SearchHit]:
    query = (query or "").strip()[:200]
    if len(query) < 2:
        return []
    for route in (_by_identifier, _by_postcode, _by_street_number):
        hits = route(visible, query)
        if hits is not None:
            return _rank(hits, limit)
    hits = _by_name(visible, query)
    if not _DATE.search(query):  # a birth date means a person: no organisation text search
        hits += _by_text(visible, query)
    return _rank(hits, limit)


def _rank(hits: list[SearchHit], limit: int) -> list[SearchHit]:
    best: dict[int, SearchHit] = {}
    for hit in hits:
        if hit.subject.pk not in best or best[hit.subject.pk].score < hit.score:
            best[hit.subject.pk] = hit
    return sorted(best.values(), key=lambda h: (-h.score, h.subject.label))[:limit]


def _with_details(qs: QuerySet[Subject]) -> QuerySet[Subject]:
    return qs.select_related("person", "organisation", "address", "vehicle")


def _by_identifier(visible, query) -> list[SearchHit] | None:
    """KvK number, BSN or licence plate: exact lookups, or None when the query is none of them."""
    digits = re.sub(r"[\s.\-]", "", query)
    if re.fullmatch(r"[0-9]{8}", digits):
        qs = visible.filter(organisation__kvk_number=normalize_kvk(digits))
        hits = [SearchHit(s, 1.0, ["kvk"]) for s in _with_details(qs)[:5]]
        if hits or not passes_elfproef("0" + digits):
            return hits
    if re.fullmatch(r"[0-9]{8,9}", digits) and passes_elfproef(digits.zfill(9)):
        qs = visible.filter(person__bsn_hash=bsn_hash(digits))
        return [SearchHit(s, 1.0, ["bsn"]) for s in _with_details(qs)[:5]]
    if _POSTCODE_QUERY.match(query):
        return None  # "1234AB" is a postcode first; _by_postcode falls back to a plate
    return _by_plate(visible, query)


def _by_plate(visible, query) -> list[SearchHit] | None:
    digits = re.sub(r"[\s.\-]", "", query)
    if not (re.search(r"[0-9]", query) and re.search(r"[A-Za-z]", query) and len(digits) == 6):
        return None
    try:
        plate = normalize_plate(query)
    except ValidationError:
        return None
    qs = visible.filter(vehicle__plate=plate)
    return [SearchHit(s, 1.0, ["plate"]) for s in _with_details(qs)[:5]]


def _by_postcode(visible, query) -> list[SearchHit] | None:
    match = _POSTCODE_QUERY.match(query)
    if not match:
        return None
    try:
        postcode = normalize_postcode(match.group(1))
    except ValidationError:
        return None
    qs = visible.filter(address__postcode=postcode)
    if match.group(2):
        try:
            house = parse_house_number(match.group(2))
        except ValidationError:
            return []
        qs = qs.filter(address__house_number=house.number)
        return [
            SearchHit(s, 1.0 if _same_house(s, house) else 0.9, ["postcode"])
            for s in _with_details(qs)[:CANDIDATE_LIMIT]
        ]
    hits = [SearchHit(s, 0.9, ["postcode"]) for s in _with_details(qs)[:CANDIDATE_LIMIT]]
    return hits or _by_plate(visible, query) or []


def _same_house(subject: Subject, house) -> bool:
    address = subject.address
    return (address.house_letter, address.house_number_addition) == (house.letter, house.addition)


def _by_street_number(visible, query) -> list[SearchHit] | None:
    match = _STREET_NUMBER.match(query)
    if not match:
        return None
    try:
        house = parse_house_number(match.group(2))
    except ValidationError:
        return None
    street = key(match.group(1))
    vocabulary.refresh()
    candidates = dict(vocabulary.similar(NameToken.Kind.STREET, street, limit=5, cutoff=0.7))
    qs = visible.filter(address__street_key__in=candidates, address__house_number=house.number)
    return [
        SearchHit(
            s, candidates[s.address.street_key] - (0 if _same_house(s, house) else 0.05), ["street"]
        )
        for s in _with_details(qs)[:CANDIDATE_LIMIT]
    ]


def _token_variants(tokens: list[str]) -> list[list[str]]:
    variants = []
    for token in tokens:
        stripped = strip_glued_prefix(token)
        variants.append([token, stripped] if stripped else [token])
    return variants


def _name_candidates(variants: list[list[str]]) -> tuple[set[str], set[str]]:
    vocabulary.refresh()
    surnames, given = set(), set()
    for options in variants:
        for token in options:
            surnames.update(t for t, _s in vocabulary.similar(NameToken.Kind.SURNAME, token))
            given.update(t for t, _s in vocabulary.similar(NameToken.Kind.GIVEN, token, limit=4))
    return surnames, given


_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


def _birth_date(query: str) -> tuple[str, date | None]:
    """Split a birth date ("12-3-1975" or "1975-03-12") off the query."""
    match = _DATE.search(query)
    if not match:
        return query, None
    day, month, year = (
        (match.group(1), match.group(2), match.group(3))
        if match.group(1)
        else (match.group(6), match.group(5), match.group(4))
    )
    try:
        born = date(int(year), int(month), int(day))
    except ValueError:
        return query, None
    return query[: match.start()] + " " + query[match.end() :], born


def _by_name(visible, query) -> list[SearchHit]:
    query, born = _birth_date(query)
    variants = _token_variants(query_tokens(query))
    if not variants:
        return []
    surnames, given = _name_candidates(variants)
    if not surnames:
        return []
    # The join on the person table restricts to persons; no filter on kind, so the planner
    # starts from the (surname_key, given_key) index instead of scanning every person.
    persons = visible.filter(person__surname_key__in=surnames)
    if born:
        persons = persons.filter(person__birth_date=born)
    initials = query_initials(query)
    if initials and len(variants) == 1:
        # "Jong, J." names no given name: the first initial narrows the namesakes in SQL.
        persons = persons.filter(person__initials__startswith=initials[0])
    fields = ("pk", "person__surname_key", "person__given_names", "person__initials")
    rows = []
    if len(variants) > 1 and given:
        rows = list(
            persons.filter(person__given_key__in=given).values_list(*fields)[:CANDIDATE_LIMIT]
        )
    if len(rows) < 10:
        rows += list(persons.values_list(*fields)[:CANDIDATE_LIMIT])
    scores: dict[int, float] = {}
    for pk, surname_key, given_names, person_initials in rows:
        scores[pk] = _person_score(surname_key, given_names, variants) + _initials_bonus(
            initials, person_initials
        )
    best = sorted(scores, key=scores.get, reverse=True)[:TOP]
    subjects = _with_details(visible.filter(pk__in=best))
    return [SearchHit(s, scores[s.pk], ["name"]) for s in subjects]


def _initials_bonus(typed: str, initials: str) -> float:
    """Typed initials that agree with the person's lift them; ones that disagree lower them."""
    if not typed:
        return 0.0
    if initials.upper() == typed:
        return 0.15
    return 0.05 if initials[:1].upper() == typed[:1] else -0.1


def _sim(a: str, b: str) -> float:
    return OSA.normalized_similarity(a, b)


@lru_cache(maxsize=50_000)
def _given_keys(given_names: str) -> tuple[str, ...]:
    return tuple(key(g) for g in given_names.split())


def _person_score(surname_key: str, given_names: str, variants: list[list[str]]) -> float:
    """Mean best match of each query word to a part of the name, surname weighed double."""
    parts = [surname_key, *_given_keys(given_names)]
    total, weight, used = 0.0, 0.0, set()
    for options in variants:
        best, best_index = 0.0, None
        for index, part in enumerate(parts):
            score = max(_sim(option, part) for option in options)
            if score > best:
                best, best_index = score, index
        w = 2.0 if best_index == 0 else 1.0
        total, weight = total + best * w, weight + w
        used.add(best_index)
    unmatched_given = len(parts) - len(used - {None})
    return round(total / weight - 0.02 * max(unmatched_given, 0), 4)


def _by_text(visible, query) -> list[SearchHit]:
    """Organisations, addresses and vehicles whose text resembles the query."""
    folded = fold(query)
    subject_ids = text_index.match(folded, limit=TEXT_LIMIT)
    if not subject_ids:
        return []
    rows = visible.filter(pk__in=subject_ids).exclude(kind=SubjectKind.PERSON)
    scores = {}
    for pk, search_text in rows.values_list("pk", "search_text"):
        score = fuzz.token_set_ratio(folded, search_text) / 100
        if score >= 0.6:
            scores[pk] = score * 0.98
    best = sorted(scores, key=scores.get, reverse=True)[:TOP]
    return [
        SearchHit(s, scores[s.pk], ["text"]) for s in _with_details(visible.filter(pk__in=best))
    ]


def address_candidates(query: str, *, limit: int) -> list[Subject]:
    """Registry addresses matching "street number", "postcode number" or a street prefix."""
    registry = Subject.objects.filter(kind=SubjectKind.ADDRESS, owner_team__isnull=True)
    query = (query or "").strip()[:100]
    if len(query) < 3:
        return []
    hits = _by_postcode(registry, query) or _by_street_number(registry, query)
    if hits is None or not hits:
        street = key(query)
        keys = (
            dict(vocabulary.similar(NameToken.Kind.STREET, street, limit=3, cutoff=0.7))
            if len(street) >= 4
            else {}
        )
        prefix = (
            registry.filter(address__street_key__startswith=street) if street else registry.none()
        )
        rows = list(
            _with_details(prefix.order_by("address__street_key", "address__house_number"))[:limit]
        )
        if len(rows) < limit and keys:
            others = registry.filter(address__street_key__in=keys).exclude(
                pk__in=[r.pk for r in rows]
            )
            rows += list(_with_details(others)[: limit - len(rows)])
        return rows[:limit]
    return [h.subject for h in _rank(hits, limit)]
