"""Correcting a case: reopening, notes, title, team (the deadlines follow), a subject's role
and unlinking it after a confirmation."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import InterventionFactory, TeamFactory, UserFactory, login, make_person
from weerbaar.accounts.services import team_add_member
from weerbaar.audit.models import AuditRecord
from weerbaar.cases import services
from weerbaar.cases.models import CaseSubject, CaseType, MemberRole, Note
from weerbaar.interventions.models import Deadline
from weerbaar.interventions.services import intervention_record

pytestmark = pytest.mark.django_db


def _case(actor, team, title="Loodsweg 3"):
    case_type = CaseType.objects.get(code="hennep-sluiting")
    return services.case_open(actor=actor, case_type=case_type, title=title, owner_team=team)


def _with_deadline(case, actor):
    intervention = InterventionFactory(case=case, actor=actor)
    intervention_record(actor=actor, intervention=intervention, intention_sent_on=date.today())
    return intervention


def test_reopen_a_closed_case_with_a_reason(regisseur, team):
    case = _case(regisseur, team)
    case = services.case_close(actor=regisseur, case=case, result="Maatregel uitgevoerd")
    client = login(regisseur)
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert "Casus heropenen" in page and reverse("cases:note", args=[case.uuid]) not in page
    url = reverse("cases:reopen", args=[case.uuid])
    refused = client.post(url, {"version": case.version, "reason": "kort"})
    assert "Geef de reden voor deze correctie." in refused.content.decode()
    client.post(url, {"version": case.version, "reason": "Bezwaar gegrond verklaard"})
    case.refresh_from_db()
    assert case.closed_on is None and case.result == "" and case.status == "Intake"
    record = AuditRecord.objects.get(action="cases.reopened", object_id=str(case.uuid))
    assert record.changes["old"]["result"] == "Maatregel uitgevoerd"
    assert record.purpose == "Bezwaar gegrond verklaard"
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert (
        f"Heropend, {regisseur.get_full_name()}: <span" in page
        and "Bezwaar gegrond verklaard" in page
    )
    with pytest.raises(ValidationError):
        services.case_reopen(actor=regisseur, case=case, reason="Nog een keer")


def test_reopen_is_refused_to_who_may_not_change_cases(regisseur, burgemeester, team):
    case = _case(regisseur, team)
    case = services.case_close(actor=regisseur, case=case, result="Maatregel uitgevoerd")
    response = login(burgemeester).post(
        reverse("cases:reopen", args=[case.uuid]), {"version": case.version, "reason": "Omdat"}
    )
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.is_closed


def test_correct_a_note_keeps_the_earlier_text_in_the_history(regisseur, team):
    case = _case(regisseur, team)
    note = services.note_add(actor=regisseur, case=case, text="Eigenaar heet Jansen.")
    client = login(regisseur)
    client.post(
        reverse("cases:note_edit", args=[case.uuid]),
        {"note": note.uuid, "text": "Eigenaar heet Janssen."},
    )
    note.refresh_from_db()
    assert note.text == "Eigenaar heet Janssen." and note.changed_at
    record = AuditRecord.objects.get(action="cases.note_changed")
    assert (record.changes["old"]["text"], record.changes["new"]["text"]) == (
        "Eigenaar heet Jansen.",
        "Eigenaar heet Janssen.",
    )
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert "Janssen" in page and "gecorrigeerd op" in page


def test_a_correction_from_an_older_page_is_refused(regisseur, team):
    case = _case(regisseur, team)
    note = services.note_add(actor=regisseur, case=case, text="Eigenaar heet Jansen.")
    client = login(regisseur)
    url = reverse("cases:note_edit", args=[case.uuid])
    client.post(url, {"note": note.uuid, "text": "Eigenaar heet Janssen.", "seen": ""})
    late = client.post(url, {"note": note.uuid, "text": "Eigenaar heet Jansens.", "seen": ""})
    assert late.status_code == 409
    assert "Iemand anders heeft dit intussen gecorrigeerd." in late.content.decode()
    note.refresh_from_db()
    assert note.text == "Eigenaar heet Janssen."


def test_removing_a_note_asks_first_and_leaves_a_tombstone(regisseur, team):
    case = _case(regisseur, team)
    note = services.note_add(actor=regisseur, case=case, text="Buurvrouw noemt naam Pietersen.")
    client = login(regisseur)
    url = reverse("cases:note_remove", args=[case.uuid])
    asked = client.get(url, {"notitie": note.uuid}).content.decode()
    assert "Pietersen" in asked and "kan niet ongedaan worden gemaakt" in asked
    client.post(url, {"note": note.uuid, "reason": "Hoort in een ander dossier"})
    assert Note.objects.get(pk=note.pk).removed_at is None  # not confirmed
    client.post(url, {"note": note.uuid, "reason": "Hoort in een ander dossier", "confirm": "on"})
    note.refresh_from_db()
    assert note.text == "" and note.removed_by == regisseur
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert "Pietersen" not in page
    assert (
        f"verwijderd door {regisseur.get_full_name()} op" in page
        and "Hoort in een ander dossier" in page
    )
    record = AuditRecord.objects.get(action="cases.note_removed")
    assert record.purpose == "Hoort in een ander dossier"
    assert record.changes["new"] == {"note": str(note.uuid), "removed": True}
    assert not any("Pietersen" in json.dumps(r.changes) for r in AuditRecord.objects.all())


def test_who_may_correct_a_note(regisseur, behandelaar, toezichthouder, team):
    case = _case(regisseur, team)
    note = services.note_add(actor=behandelaar, case=case, text="Controle gepland.")
    assert services.may_correct_note(user=behandelaar, note=note)  # the author
    assert services.may_correct_note(user=toezichthouder, note=note)  # team, no lead yet
    services.member_set(actor=regisseur, case=case, user=regisseur, role=MemberRole.LEAD)
    assert services.may_correct_note(user=regisseur, note=note)  # the lead
    assert not services.may_correct_note(user=toezichthouder, note=note)
    with pytest.raises(ValidationError, match="auteur"):
        services.note_remove(actor=toezichthouder, note=note, reason="Niet nodig")
    response = login(toezichthouder).post(
        reverse("cases:note_edit", args=[case.uuid]), {"note": note.uuid, "text": "Anders"}
    )
    assert response.status_code == 404
    assert Note.objects.get(pk=note.pk).text == "Controle gepland."


def test_change_the_title(regisseur, team):
    case = _case(regisseur, team, title="Loodsweg 3")
    login(regisseur).post(
        reverse("cases:retitle", args=[case.uuid]), {"version": 0, "title": "Loodsweg 5"}
    )
    case.refresh_from_db()
    assert case.title == "Loodsweg 5"
    record = AuditRecord.objects.get(action="cases.title_changed")
    assert (record.changes["old"]["title"], record.changes["new"]["title"]) == (
        "Loodsweg 3",
        "Loodsweg 5",
    )


def test_the_deadlines_follow_the_case_to_another_team(regisseur, team):
    case = _case(regisseur, team)
    _with_deadline(case, regisseur)
    assert set(Deadline.objects.values_list("team", "owner")) == {(team.pk, regisseur.pk)}
    north = TeamFactory(name="Team Noord")
    taker = UserFactory(username="noord", roles=["behandelaar"], teams=[north])
    client = login(regisseur)
    url = reverse("cases:team_set", args=[case.uuid])
    asked = client.post(url, {"version": 0, "team": north.pk, "reason": "Wijk Noord"})
    assert "wie in het nieuwe team ze overneemt" in asked.content.decode()
    case.refresh_from_db()
    assert case.owner_team == team
    outsider = UserFactory(username="elders", roles=["behandelaar"], teams=[team])
    wrong = client.post(
        url, {"version": 0, "team": north.pk, "reason": "Wijk Noord", "deadline_owner": outsider.pk}
    )
    assert "Kies iemand van het nieuwe team." in wrong.content.decode()
    client.post(
        url, {"version": 0, "team": north.pk, "reason": "Wijk Noord", "deadline_owner": taker.pk}
    )
    case.refresh_from_db()
    assert case.owner_team == north
    assert set(Deadline.objects.values_list("team", "owner")) == {(north.pk, taker.pk)}
    assert case.interventions.get().owner == taker
    record = AuditRecord.objects.get(action="cases.team_changed")
    assert record.changes["old"]["team"] == str(team.uuid) and record.changes["new"]["team"] == str(
        north.uuid
    )
    assert record.changes["new"]["deadlines_moved"] == Deadline.objects.count()
    assert record.purpose == "Wijk Noord"


def test_the_deadline_owner_stays_when_they_are_in_the_new_team(regisseur, team):
    case = _case(regisseur, team)
    _with_deadline(case, regisseur)
    north = TeamFactory(name="Team Noord")
    team_add_member(actor=None, team=north, user=regisseur)
    services.case_team_set(actor=regisseur, case=case, team=north, reason="Wijk Noord")
    assert set(Deadline.objects.values_list("team", "owner")) == {(north.pk, regisseur.pk)}


def test_change_a_subjects_role_and_unlink_it_after_confirming(regisseur, team):
    case, person = _case(regisseur, team), make_person("Karel de Bruijn")
    services.case_link_subject(actor=regisseur, case=case, subject=person, role="concerned")
    client = login(regisseur)
    page = client.get(reverse("cases:detail", args=[case.uuid])).content.decode()
    assert reverse("cases:subject_unlink", args=[case.uuid]) in page
    client.post(
        reverse("cases:subject_role", args=[case.uuid]),
        {"subject": person.uuid, "role": "owner"},
    )
    assert CaseSubject.objects.get(case=case).role == "owner"
    record = AuditRecord.objects.get(action="cases.subject_role")
    assert (record.changes["old"]["role"], record.changes["new"]["role"]) == ("concerned", "owner")
    url = reverse("cases:subject_unlink", args=[case.uuid])
    asked = client.get(url, {"subject": person.uuid}).content.decode()
    assert "Karel de Bruijn ontkoppelen van casus" in asked
    client.post(url, {"subject": person.uuid, "reason": "Verkeerde persoon"})
    assert CaseSubject.objects.filter(case=case).exists()  # not confirmed
    client.post(url, {"subject": person.uuid, "reason": "Verkeerde persoon", "confirm": "on"})
    assert not CaseSubject.objects.filter(case=case).exists()
    unlinked = AuditRecord.objects.get(action="cases.subject_unlinked")
    assert unlinked.purpose == "Verkeerde persoon" and unlinked.subject_ref == str(person.uuid)
