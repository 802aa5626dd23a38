"""The summary is what LIO partners read of a shared signal; the triage form says so (#14)."""

import pytest
from django.urls import reverse

from tests.factories import SignalFactory, login

pytestmark = pytest.mark.django_db


def test_the_summary_field_warns_that_partners_read_it(regisseur):
    signal = SignalFactory()
    page = login(regisseur).get(reverse("signals:detail", args=[signal.uuid])).content.decode()
    field = page[page.index('name="summary"') - 1200 : page.index('name="summary"')]
    assert "Partners van het LIO lezen deze samenvatting" in field
    # tied to the field, so a screen reader reads it with it
    assert 'aria-describedby="id_summary_help"' in page
