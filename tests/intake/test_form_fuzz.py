"""T2 (per PR part): generated input on the public form never breaks it."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weerbaar.intake.models import Report

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.sampled_from(["\u202e evil", "\x00nul", "e\u0301\u0301\u0301", "👮‍♀️" * 50, "x" * 6000])


@pytest.mark.django_db
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(description=TEXT, location=TEXT, involved=TEXT, email=TEXT)
def test_public_form_answers_every_input(description, location, involved, email):
    client = Client()
    page = client.get(reverse("intake:report")).content.decode()
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    before = Report.objects.count()
    response = client.post(
        reverse("intake:report"),
        {
            "description": description,
            "location_text": location,
            "involved": involved,
            "contact_email": email,
            "started": started,
        },
    )
    assert response.status_code == 200
    created = Report.objects.count() - before
    html = response.content.decode()
    # Exactly one report when the page says so, none when it shows an error.
    assert created == (1 if 'id="receipt-code"' in html else 0)
    if not created:
        assert "Controleer wat u hebt ingevuld." in html
