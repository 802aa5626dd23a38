"""An officer who has a signal number from a letter or a call finds it by typing it,
as written or without the prefix and the zeros; need-to-know still decides what is found."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import SignalFactory, login


@pytest.fixture
def three_signals(team):
    with freeze_time("2026-04-01 12:00"):
        return [SignalFactory(owner_team=team, description=f"Melding {n}") for n in "abc"]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["S-2026-0002", "s-2026-0002", "2026-0002", "2026-2"])
def test_the_signal_search_finds_a_signal_by_its_number(regisseur, three_signals, typed):
    page = login(regisseur).post(reverse("signals:search"), {"q": typed}).content.decode()
    assert "S-2026-0002" in page and "Melding b" in page
    assert "Melding a" not in page and "Melding c" not in page


@pytest.mark.django_db
def test_a_hidden_signal_is_not_found_by_its_number(outsider, three_signals):
    page = login(outsider).post(reverse("signals:search"), {"q": "S-2026-0002"}).content.decode()
    assert "Melding b" not in page
