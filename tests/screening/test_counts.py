"""The Bibob figures of a year: screenings per permit kind, decisions, requests to the LBB and
degrees of danger, as counts with no row of any screening in them."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import OrganisationFactory, ScreeningFactory, login
from weerbaar.screening import services
from weerbaar.screening.models import PermitKind
from weerbaar.screening.selectors import year_counts

pytestmark = pytest.mark.django_db


def _ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def _screening(actor, kind="drank-horeca", received=None, name="Cafe Telbaar"):
    return ScreeningFactory(
        actor=actor,
        permit_kind=PermitKind.objects.get(code=kind),
        applicant=OrganisationFactory(name=name),
        application_received_on=received or _ago(40),
    )


def _advised(actor, s, degree, extended=False):
    return services.screening_record_steps(
        actor=actor,
        screening=s,
        version=s.version,
        questionnaire_sent_on=_ago(35),
        questionnaire_returned_on=_ago(30),
        lbb_requested_on=_ago(25),
        lbb_extended=extended,
        lbb_advised_on=_ago(5),
        lbb_degree=degree,
    )


def _decide(actor, s, decision, conditions=""):
    answer = ""
    if decision in ("refuse", "conditions"):
        # An adverse decision hears the applicant first (Awb art. 4:8).
        s = services.screening_record_intention(
            actor=actor,
            screening=s,
            version=s.version,
            intention=decision,
            conditions=conditions,
            intention_sent_on=_ago(4),
            opinion_received_on=_ago(3),
            opinion_summary="Geen bezwaar tegen de voorwaarden.",
        )
        answer = "Dat is genoteerd."
    return services.screening_decide(
        actor=actor,
        screening=s,
        version=s.version,
        decision=decision,
        decided_on=_ago(2),
        conditions=conditions,
        opinion_answer=answer,
    )


@pytest.fixture
def year(bibob_coordinator):
    """This year's screenings (received at most 40 days ago) and one of an earlier year, on a
    day in June so that 40 days ago lies in the same year."""
    with freeze_time("2026-06-15 12:00"):
        yield _world(bibob_coordinator)


def _world(actor):
    refused = _advised(actor, _screening(actor, name="Zzyzx Weigering"), "serious", True)
    _decide(actor, refused, "refuse")
    conditions = _advised(actor, _screening(actor, "exploitatie"), "lesser")
    _decide(actor, conditions, "conditions", "Geen nachtopenstelling")
    _decide(actor, _screening(actor, "exploitatie"), "grant")
    _screening(actor, "speelautomaten")
    _screening(actor, received=date(timezone.localdate().year - 1, 6, 1), name="Vorig Jaar")
    return timezone.localdate().year


def _row(rows, code):
    return next(r["count"] for r in rows if r["code"] == code)


def test_the_figures_of_a_year(year):
    counts = year_counts(year=year)
    assert counts["screenings"] == 4
    assert _row(counts["per_permit_kind"], "drank-horeca") == 1
    assert _row(counts["per_permit_kind"], "exploitatie") == 2
    assert _row(counts["per_permit_kind"], "speelautomaten") == 1
    assert _row(counts["per_permit_kind"], "subsidie") == 0
    assert [(r["code"], r["count"]) for r in counts["decisions"]] == [
        ("grant", 1),
        ("conditions", 1),
        ("refuse", 1),
        ("withdrawn", 0),
    ]
    assert (counts["lbb_requests"], counts["lbb_extended"]) == (2, 1)
    assert [(r["code"], r["count"]) for r in counts["degrees"]] == [
        ("none", 0),
        ("lesser", 1),
        ("serious", 1),
    ]
    earlier = year_counts(year=year - 1)
    assert earlier["screenings"] == 1 and earlier["lbb_requests"] == 0


def test_the_figures_hold_no_row_of_any_screening(year, bibob_coordinator):
    from weerbaar.screening.models import Screening

    counts = year_counts(year=year)
    assert set(counts) == {
        "year",
        "screenings",
        "per_permit_kind",
        "decisions",
        "lbb_requests",
        "lbb_extended",
        "degrees",
    }
    for key in ("per_permit_kind", "decisions", "degrees"):
        assert all(set(row) == {"code", "label", "count"} for row in counts[key])
        assert all(isinstance(row["count"], int) for row in counts[key])
    text = json.dumps(counts)
    for s in Screening.objects.select_related("applicant"):
        for value in (s.reference, str(s.uuid), s.applicant.label, str(s.applicant.uuid)):
            assert value not in text
    assert "Geen nachtopenstelling" not in text and "Zzyzx" not in text


def test_the_year_overview_is_on_the_bibob_page_only(year, bibob_coordinator, regisseur):
    client = login(bibob_coordinator)
    assert b'hx-get="/bibob/jaaroverzicht/"' in client.get(reverse("screening:list")).content
    page = client.get(reverse("screening:year"), HTTP_HX_REQUEST="true")
    assert page.status_code == 200 and b"<html" not in page.content
    assert page.context["counts"]["screenings"] == year_counts(year=year)["screenings"]
    assert b"Zzyzx" not in page.content
    earlier = client.get(reverse("screening:year"), {"jaar": year - 1})
    assert earlier.context["counts"]["year"] == year - 1 and b"<html" in earlier.content
    wrong = client.get(reverse("screening:year"), {"jaar": "twee"})
    assert wrong.status_code == 200 and wrong.context["form"].errors["jaar"]
    assert wrong.context["counts"]["year"] == year
    assert login(regisseur).get(reverse("screening:year")).status_code == 404
