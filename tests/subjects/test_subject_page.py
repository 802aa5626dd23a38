"""The subject page lists where the subject appears, as far as the reader may see it (#18):
what is hidden is absent, and no count betrays it."""

import pytest
from django.urls import reverse

from tests.factories import (
    CaseFactory,
    InterventionFactory,
    ScreeningFactory,
    SignalFactory,
    TeamFactory,
    UserFactory,
    login,
    make_person,
)
from weerbaar.accounts.services import share_grant, team_add_member
from weerbaar.cases import services as cases
from weerbaar.core import subject_page
from weerbaar.signals import services as signals

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(team, regisseur):
    subject = make_person("Karel de Bruijn")
    signal = SignalFactory(owner_team=team)
    signals.signal_link_subject(actor=regisseur, signal=signal, subject=subject, role="suspected")
    case = CaseFactory(actor=regisseur, owner_team=team)
    cases.case_link_subject(actor=regisseur, case=case, subject=subject, role="concerned")
    InterventionFactory(case=case)
    return subject, signal, case


def _page(user, subject) -> str:
    return login(user).get(reverse("subjects:detail", args=[subject.uuid])).content.decode()


def test_the_regisseur_sees_where_the_subject_appears(regisseur, person):
    subject, signal, case = person
    page = _page(regisseur, subject)
    assert "Waar dit subject voorkomt" in page
    for section in ("Signalen", "Casussen", "Maatregelen"):
        assert f">{section}</h3>" in page
    assert signal.reference in page and case.reference in page
    assert reverse("cases:detail", args=[case.uuid]) in page


def test_a_colleague_of_another_team_sees_the_subject_not_its_files(person):
    subject, signal, case = person
    colleague = UserFactory(roles=["behandelaar"], teams=[TeamFactory(name="Vergunningen")])
    page = _page(colleague, subject)
    assert "Karel de Bruijn" in page
    assert signal.reference not in page and case.reference not in page
    assert ">Signalen</h3>" not in page and ">Casussen</h3>" not in page
    assert "Niets dat u mag zien" in page


def test_a_partner_with_the_case_heading_does_not_learn_its_subjects(regisseur, person):
    subject, _signal, case = person
    partner_team = TeamFactory(name="Politie basisteam", is_external=True)
    partner = UserFactory(roles=["ketenpartner"])
    team_add_member(actor=None, team=partner_team, user=partner)
    share_grant(actor=regisseur, obj=subject, team=partner_team, purpose="LIO", legal_basis="LIO")
    cases.case_share(
        actor=regisseur,
        case=case,
        team=partner_team,
        purpose="RIEC",
        legal_basis="RIEC-convenant",
        proportional=True,
        proportionality_text="Alleen de kop van de casus.",
        subsidiary=True,
        subsidiarity_text="Anders kan het RIEC niet bespreken.",
    )
    assert login(partner).get(reverse("cases:detail", args=[case.uuid])).status_code == 200
    page = _page(partner, subject)
    assert "Karel de Bruijn" in page and case.reference not in page


def test_screenings_only_inside_the_compartment(regisseur, bibob_coordinator):
    screening = ScreeningFactory(actor=bibob_coordinator)
    inside = _page(bibob_coordinator, screening.applicant)
    assert screening.reference in inside and ">Bibob-screenings</h3>" in inside
    assert screening.reference not in _page(regisseur, screening.applicant)


def test_a_long_list_is_cut_and_counted(regisseur, team, settings, monkeypatch):
    subject = make_person("Anna Smit")
    for _ in range(4):
        signal = SignalFactory(owner_team=team)
        signals.signal_link_subject(
            actor=regisseur, signal=signal, subject=subject, role="involved"
        )
    monkeypatch.setattr(subject_page, "LIMIT", 3)
    found = {s.label: s for s in subject_page.sections(subject, regisseur)}
    assert len(found["Signalen"].entries) == 3 and found["Signalen"].more == 1
    assert "En nog 1." in _page(regisseur, subject)
