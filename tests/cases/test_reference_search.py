"""An officer who has a case number from a letter finds the case by typing it."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.factories import CaseFactory, login


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["C-2026-0002", "c-2026-0002", "2026-0002"])
def test_the_case_list_finds_a_case_by_its_number(regisseur, typed):
    with freeze_time("2026-04-01 12:00"):
        cases = [CaseFactory(title=title) for title in ("Loodsweg 1", "Kerkstraat 12")]
    page = login(regisseur).get(reverse("cases:list"), {"q": typed}).content.decode()
    assert cases[1].reference == "C-2026-0002"
    assert "Kerkstraat 12" in page and "Loodsweg 1" not in page
