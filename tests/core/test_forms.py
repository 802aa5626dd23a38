"""Crafted form values answer with the form again, never a server error (#12)."""

import pytest
from django.urls import reverse

from weerbaar.meetings.models import MeetingSeries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "x", "1.5"])
def test_a_crafted_participant_id_keeps_the_series_form(client, regisseur, value):
    client.force_login(regisseur)
    response = client.post(
        reverse("meetings:series_create"),
        {"name": "LIO Noord", "kind": "lio", "interval_weeks": 4, "participants": [value]},
    )
    assert response.status_code == 200
    assert "is geen geldige waarde" in response.content.decode()
    assert not MeetingSeries.objects.exists()
