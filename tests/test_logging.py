"""Log hygiene (SECURITY.md P32): names, search terms and addresses never reach the logs."""

import logging

import pytest
from django.urls import reverse

from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_no_personal_data_in_logs(client, regisseur, caplog):
    make_person("Canarina Zwaluwstaart", bsn="000009830")
    caplog.set_level(logging.DEBUG)
    client.post(
        reverse("accounts:login"),
        {"username": "regisseur", "password": "wrong-canary-password"},
        REMOTE_ADDR="198.51.100.77",
        HTTP_USER_AGENT="CanaryUA-7f3a",
    )
    client.force_login(regisseur)
    client.post(reverse("subjects:search"), {"q": "Canarina Zwaluwstaart"})
    client.post(reverse("subjects:search"), {"q": "000009830"})
    client.get("/subjecten/00000000-0000-4000-8000-000000000000/")  # a 404 is logged
    logged = "\n".join(f"{r.getMessage()} {getattr(r, 'request', '')}" for r in caplog.records)
    for canary in (
        "Canarina",
        "Zwaluwstaart",
        "000009830",
        "198.51.100.77",
        "CanaryUA",
        "wrong-canary-password",
    ):
        assert canary not in logged, canary
    assert caplog.records, "the test must actually capture log records"
