import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.core.bsn import bsn_hash, normalize_bsn, passes_elfproef
from weerbaar.demo.names import valid_bsn


def test_known_test_bsn_passes():
    # A BSN of the fictitious BRP test persons (RvIG proefomgeving).
    assert passes_elfproef("000009830")
    assert normalize_bsn("9830".zfill(8)) == "000009830"


@pytest.mark.parametrize("typed", ["123456789", "000000000", "12345", "abcdefghi"])
def test_bad_bsn_gives_dutch_message(typed):
    with pytest.raises(ValidationError) as exc:
        normalize_bsn(typed)
    assert exc.value.messages == [
        "Dit is geen geldig burgerservicenummer: het voldoet niet aan de elfproef."
    ]


def test_hash_is_keyed_and_stable(settings):
    first = bsn_hash("000009830")
    # the whole number, never a part: four hex digits turn up in one hash in a thousand
    assert first == bsn_hash("0000 098 30") and "000009830" not in first
    settings.BSN_HMAC_KEY = "another key"
    assert bsn_hash("000009830") != first


@given(st.integers(min_value=0, max_value=8_000_000))
def test_generated_bsns_pass_and_differ(n):
    assert passes_elfproef(valid_bsn(n))
    assert valid_bsn(n) != valid_bsn(n + 1)


@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_single_digit_change_is_caught(bsn):
    if passes_elfproef(bsn):
        changed = bsn[:3] + str((int(bsn[3]) + 1) % 10) + bsn[4:]
        assert not passes_elfproef(changed)
