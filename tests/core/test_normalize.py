import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.core.normalize import (
    format_plate,
    key,
    normalize_kvk,
    normalize_plate,
    normalize_postcode,
    parse_house_number,
    parse_name,
    query_tokens,
    strip_glued_prefix,
)


@pytest.mark.parametrize("typed", ["1234AB", "1234 ab", " 1234  Ab "])
def test_postcode_forms_normalise_to_one(typed):
    assert normalize_postcode(typed) == "1234AB"


@pytest.mark.parametrize("typed", ["0123AB", "123AB", "1234 A", "1234SS", "ABCD12", ""])
def test_bad_postcode_gives_dutch_message(typed):
    with pytest.raises(ValidationError) as exc:
        normalize_postcode(typed)
    assert exc.value.messages == [
        "Vul een geldige postcode in: vier cijfers en twee letters, zoals 1234 AB."
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12", (12, "", "")),
        ("12a", (12, "A", "")),
        ("12 A", (12, "A", "")),
        ("12-2", (12, "", "2")),
        ("12A-bis", (12, "A", "BIS")),
        ("7 hs", (7, "", "HS")),
    ],
)
def test_house_number_parts(typed, expected):
    house = parse_house_number(typed)
    assert (house.number, house.letter, house.addition) == expected


@pytest.mark.parametrize("typed", ["0", "abc", "", "123456"])
def test_bad_house_number(typed):
    with pytest.raises(ValidationError):
        parse_house_number(typed)


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("12-ABC-3", "12ABC3", "12-ABC-3"),
        ("ab-12-cd", "AB12CD", "AB-12-CD"),
        ("GBB 12 x", "GBB12X", "GBB-12-X"),
        ("1-KBB-12", "1KBB12", "1-KBB-12"),
    ],
)
def test_plates(typed, stored, shown):
    assert normalize_plate(typed) == stored
    assert format_plate(stored) == shown


@pytest.mark.parametrize("typed", ["ABC123D", "1234", "B-123-AB-12", "ÄB-12-CD"])
def test_foreign_or_garbled_plate_refused(typed):
    with pytest.raises(ValidationError) as exc:
        normalize_plate(typed)
    assert "Nederlands kenteken" in exc.value.messages[0]


def test_kvk_number():
    assert normalize_kvk("1234 5678") == "12345678"
    with pytest.raises(ValidationError) as exc:
        normalize_kvk("1234567")
    assert exc.value.messages == ["Een KvK-nummer bestaat uit precies 8 cijfers, zoals 12345678."]


@pytest.mark.parametrize(
    "typed",
    [
        "Jan van der Berg",
        "Berg, J. van der",
        "J. v.d. Berg",
        "Berg, Jan van der",
        "jan VAN DER berg",
    ],
)
def test_name_variants_share_surname_key(typed):
    parsed = parse_name(typed)
    assert key(parsed.surname) == "berg"
    assert parsed.initials == "J"


def test_name_with_diacritics_and_double_prefix():
    parsed = parse_name("Ömer van 't Hof")
    assert parsed.given_names == "Ömer"
    assert parsed.prefix == "van 't"
    assert key(parsed.surname) == "hof"
    assert key("Çelik") == key("Celik") == "celik"


def test_query_tokens_drop_prefixes_and_initials():
    assert query_tokens("J. v.d. Berg") == ["berg"]
    assert query_tokens("Berg, J. van der") == ["berg"]
    assert query_tokens("Jan van den Bérg") == ["jan", "berg"]


def test_glued_prefix_is_split():
    assert strip_glued_prefix("vanderberg") == "berg"
    assert strip_glued_prefix("dejong") == "jong"
    assert strip_glued_prefix("berg") is None


@given(st.text(max_size=40))
def test_key_is_idempotent(text):
    assert key(key(text)) == key(text)


@given(st.from_regex(r"[1-9][0-9]{3} ?[A-RT-Z][A-Z]", fullmatch=True))
def test_valid_postcodes_round_trip(postcode):
    assert normalize_postcode(normalize_postcode(postcode)) == normalize_postcode(postcode)
