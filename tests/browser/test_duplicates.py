"""Possible duplicates in a real browser (#18): judge a proposed pair, merge a subject found
from its page, undo the merge; axe-core on each new page."""

import datetime

import pytest

from tests.browser.conftest import axe_clean, sign_in
from tests.factories import SignalFactory, make_person
from weerbaar.signals.services import signal_link_subject
from weerbaar.subjects.models import DuplicatePair, Subject
from weerbaar.subjects.services import Proposal, duplicates_propose

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
BORN = datetime.date(1975, 6, 1)


def test_judge_merge_and_undo(page, live_server, regisseur):
    father, son = make_person("Hendrik Mol", birth=BORN), make_person("H. Mol", birth=BORN)
    weights = {"surname": {"level": "same", "weight": 7.5},
               "given_name": {"level": "initial_same", "weight": 2.1},
               "birth_date": {"level": "same", "weight": 9.9},
               "address": {"level": "same_street_no_number", "weight": 6.2}}  # fmt: skip
    compared = {"compared": {"probability": 0.91, "weights": weights, "via": ""}}
    duplicates_propose(actor=None, proposals=[Proposal(father.pk, son.pk, 0.91, compared, "test")])
    kept = make_person("Sanne Dekker", bsn="111222333", birth=BORN)
    double = make_person("S. Dekker", birth=BORN)
    signal = SignalFactory()
    signal_link_subject(actor=None, signal=signal, subject=double, role="suspected")

    sign_in(page, live_server, "regisseur")
    page.goto(f"{live_server.url}/subjecten/")
    page.get_by_role("link", name="1 mogelijke dubbele te beoordelen").click()
    axe_clean(page, "duplicates")
    pair = DuplicatePair.objects.get()
    page.locator(f'a[href="/subjecten/dubbel/{pair.uuid}/"]').click()
    page.get_by_text("De twee zijn met elkaar vergeleken").wait_for()
    page.get_by_role(
        "cell", name="zelfde straat en postcode, huisnummer aan één kant bekend"
    ).wait_for()
    axe_clean(page, "duplicate")
    page.get_by_label("Waarom niet").fill("Vader en zoon.")
    page.get_by_role("button", name="Niet dezelfde: niet opnieuw voorstellen").click()
    page.get_by_text("Geen mogelijke dubbelen te beoordelen.").wait_for()
    assert DuplicatePair.objects.get().status == "distinct"

    # merge from the page of the one typed by hand
    page.goto(f"{live_server.url}/subjecten/{double.uuid}/")
    page.get_by_role("link", name="Dubbel vastgelegd? Samenvoegen").click()
    page.get_by_label("Zoek op naam, adres, postcode, KvK-nummer, BSN of kenteken").fill(
        "Sanne Dekker"
    )
    page.get_by_role("button", name="Zoeken").click()
    axe_clean(page, "merge-find")
    page.get_by_role("button", name="Vergelijken Sanne Dekker").click()
    page.get_by_label("Waarom zijn het dezelfde?").fill("Zelfde geboortedatum, melding.")
    page.get_by_role("button", name="De twee samenvoegen").click()
    page.locator(".utrecht-form-field--invalid").first.wait_for()
    assert not Subject.objects.filter(merged_into__isnull=False).exists()  # not confirmed
    page.get_by_label("Ik heb de twee vergeleken").check()
    page.get_by_role("button", name="De twee samenvoegen").click()
    page.get_by_text("De twee zijn samengevoegd tot één.").wait_for()
    assert page.url.endswith(f"/subjecten/{kept.uuid}/")
    page.get_by_role("link", name=signal.reference).wait_for()  # the signal came along
    axe_clean(page, "subject-with-merge")

    page.get_by_label("Waarom zijn het niet dezelfde?").fill("Toch twee mensen.")
    page.get_by_label("Samenvoeging ongedaan maken").check()
    page.get_by_role("button", name="Samenvoeging ongedaan maken").click()
    page.get_by_text("De samenvoeging is ongedaan gemaakt").wait_for()
    assert page.url.endswith(f"/subjecten/{double.uuid}/")
    page.get_by_role("link", name=signal.reference).wait_for()  # and went back
