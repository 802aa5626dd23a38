"""The review of access rights (P25): the FG sees every active user with roles, teams and
shares, the privileged roles apart; signs off a period once, the list kept as signed with
its hash; the next review marks who is new, changed or gone; the list exports; nobody else
opens it."""

import csv
import io

import pytest
from django.urls import reverse
from freezegun import freeze_time

from tests.exports import confirmed
from tests.factories import UserFactory, login
from weerbaar.accounts.services import user_set_roles
from weerbaar.audit.models import AuditRecord
from weerbaar.privacy.models import AccessReview
from weerbaar.privacy.services import access_review_sign

pytestmark = pytest.mark.django_db
PAGE = reverse("privacy:access_review")


def test_the_privileged_list_holds_the_privileged_roles_only(fg, regisseur, medewerker):
    text = login(fg).get(PAGE).content.decode()
    assert "regisseur" in text and "Privacy officer (FG)" in text
    assert ">medewerker<" not in text
    everyone = login(fg).get(PAGE, {"lijst": "alle"}).content.decode()
    assert ">medewerker" in everyone
    assert AuditRecord.objects.filter(action="privacy.access_review_viewed").count() == 2


@freeze_time("2026-12-03")
def test_a_sign_off_keeps_the_list_and_is_once_per_period(fg, regisseur):
    client = login(fg)
    done = client.post(
        reverse("privacy:access_review_sign") + "?lijst=bevoorrecht",
        {"scope": "privileged", "note": "Alle rollen nagelopen met de teamleiders."},
    )
    assert done.status_code == 302
    review = AccessReview.objects.get()
    assert review.period == "2026-K4" and review.users == 2
    assert {r["username"] for r in review.snapshot} == {"fg", "regisseur"}
    assert len(review.snapshot_hash) == 64
    assert AuditRecord.objects.filter(action="privacy.access_review_signed").count() == 1
    again = client.post(
        reverse("privacy:access_review_sign") + "?lijst=bevoorrecht",
        {"scope": "privileged", "note": "Nog eens."},
    )
    assert again.status_code == 200
    assert "al afgetekend voor 2026-K4" in again.content.decode()
    assert AccessReview.objects.count() == 1


def test_the_next_review_marks_who_is_new_changed_or_gone(fg, regisseur, team):
    with freeze_time("2026-11-01"):
        beheer = UserFactory(username="tweede-beheerder", roles=["beheerder"], teams=[team])
        access_review_sign(actor=fg, scope="privileged")
    with freeze_time("2027-01-05"):
        UserFactory(username="nieuwe-regisseur", roles=["regisseur"], teams=[team])
        user_set_roles(actor=None, user=beheer, roles=[])
        user_set_roles(actor=None, user=regisseur, roles=["regisseur", "bibob_coordinator"])
        text = login(fg).get(PAGE).content.decode()
    assert "Nog niet afgetekend voor 2027-K1" in text
    row = text[text.index(">nieuwe-regisseur") :][:600]
    assert "nieuw" in row
    row = text[text.index(">regisseur<") :][:600]
    assert "rollen of teams gewijzigd" in row
    assert "tweede-beheerder" in text[text.index("Niet meer op de lijst") :]


def test_the_list_exports_with_a_purpose_after_confirming(fg, regisseur, medewerker):
    client = confirmed(login(fg))
    response = client.get(PAGE, {"lijst": "alle", "format": "csv", "doel": "Jaarlijkse review"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    names = {row[0] for row in csv.reader(io.StringIO(body), delimiter=";")}
    assert {"fg", "regisseur", "medewerker"} <= names
    assert AuditRecord.objects.filter(action="export.made").exists()


@pytest.mark.parametrize("role", ["regisseur", "beheerder", "burgemeester"])
def test_other_roles_get_the_missing_page(request, role):
    client = login(request.getfixturevalue(role))
    assert client.get(PAGE).status_code == 404
    sign = client.post(reverse("privacy:access_review_sign"), {"scope": "all"})
    assert sign.status_code == 404
    assert not AccessReview.objects.exists()


def test_a_superuser_without_a_role_is_on_the_privileged_list(fg):
    UserFactory(username="root-zonder-rol", is_superuser=True)
    assert "root-zonder-rol" in login(fg).get(PAGE).content.decode()
