"""Recorded subjects that nothing points at go after their term; registry subjects and
subjects still in use stay, and no field that keeps a subject is forgotten."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import models
from django.test import TestCase
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import SignalFactory, make_person
from weerbaar.privacy.services import retention_run
from weerbaar.privacy.subjects import REFERENCES
from weerbaar.signals.models import SignalSubject
from weerbaar.subjects.models import Person, Subject
from weerbaar.subjects.services import PersonData, person_create

pytestmark = pytest.mark.django_db

# What goes with the subject (its own parts, its relations) or is the warehouse's link.
WITH_THE_SUBJECT = {"subjects", "warehouse"}


def test_every_field_that_keeps_a_subject_is_a_reference():
    keeping = {
        (field.model, field.name)
        for model in apps.get_models()
        if model._meta.app_label not in WITH_THE_SUBJECT
        for field in model._meta.get_fields()
        if field.concrete
        and getattr(field, "related_model", None) is Subject
        and (field.many_to_many or field.remote_field.on_delete is not models.CASCADE)
    }
    assert keeping == set(REFERENCES)


def _run(days):
    with (
        freeze_time(timezone.now() + timedelta(days=days)),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        return dict(retention_run().deletions.values_list("kind", "count"))


def test_a_recorded_person_nothing_points_at_goes_and_the_others_stay(team):
    loose = make_person("Losse Persoon", owner_team=team)
    linked = make_person("Gekoppelde Persoon", owner_team=team)
    registry = person_create(
        actor=None, data=PersonData(surname="Registratie", prefix="uit de"), source="BRP"
    )
    SignalSubject.objects.create(signal=SignalFactory(), subject=linked, role="involved")
    assert "subject_recorded" not in _run(364)
    assert _run(366)["subject_recorded"] == 1
    assert not Subject.objects.filter(pk=loose.pk).exists()
    assert not Person.objects.filter(subject_id=loose.pk).exists()
    assert Subject.objects.filter(pk__in=[linked.pk, registry.pk]).count() == 2
