import pytest
from django.urls import reverse

from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_fg_filters_by_user_and_subject(client, fg, regisseur):
    audit_record(
        actor=regisseur,
        action=AuditAction.SUBJECT_VIEWED,
        subject_ref="6f1c2a7e-1111-4f5e-9b9b-000000000001",
    )
    audit_record(
        actor=fg,
        action=AuditAction.SUBJECT_VIEWED,
        subject_ref="6f1c2a7e-1111-4f5e-9b9b-000000000002",
    )
    client.force_login(fg)
    response = client.get(reverse("audit:list"), {"actor_username": "regisseur"})
    assert response.status_code == 200
    assert b"000000000001" in response.content and b"000000000002" not in response.content
    response = client.get(
        reverse("audit:list"), {"subject_ref": "6f1c2a7e-1111-4f5e-9b9b-000000000002"}
    )
    assert b"000000000002" in response.content and b"000000000001" not in response.content
    # Reading the trail is itself recorded.
    assert AuditRecord.objects.filter(action=AuditAction.AUDIT_VIEWED, actor_id=fg.pk).count() == 2


def test_bad_period_gives_message(client, fg):
    client.force_login(fg)
    response = client.get(
        reverse("audit:list"), {"date_from": "2026-05-01", "date_until": "2026-04-01"}
    )
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()
    assert 'value="2026-05-01"' in response.content.decode()


def test_regisseur_cannot_read_the_trail(client, regisseur):
    client.force_login(regisseur)
    assert client.get(reverse("audit:list")).status_code == 404
