"""Field encryption of the compartments (P36): Bibob findings and opinions are stored under
AES-GCM with their column as associated data, never in clear in the database or the audit
trail; they cannot be searched; 'weerbaar encryption rotate' brings every value under the
current key, after which an old key can go; a plain value from before is encrypted by it."""

import io

import pytest
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection

from tests.factories import ScreeningFactory
from weerbaar.audit.models import AuditRecord
from weerbaar.core import crypto
from weerbaar.screening import services
from weerbaar.screening.models import ChecklistItem, ScreeningFinding

pytestmark = pytest.mark.django_db
CANARY = "Geldschieterqvx uit Dubai"


def _raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def _finding(bibob_coordinator, text=CANARY):
    screening = ScreeningFactory(actor=bibob_coordinator)
    return services.finding_record(
        actor=bibob_coordinator,
        screening=screening,
        item=ChecklistItem.objects.get(code="financiering"),
        text=text,
        source_grade="B",
        info_grade="2",
    )


def test_a_value_round_trips_and_differs_each_time():
    one = crypto.encrypt("geheim", context="a.b.c")
    two = crypto.encrypt("geheim", context="a.b.c")
    assert one != two and one.startswith("wbenc1:")
    assert crypto.decrypt(one, context="a.b.c") == "geheim"


def test_a_value_moved_to_another_column_does_not_open():
    value = crypto.encrypt("geheim", context="screening.screeningfinding.text")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(value, context="screening.screening.opinion_summary")


def test_the_finding_is_never_in_clear_in_the_database(bibob_coordinator):
    finding = _finding(bibob_coordinator)
    raw = _raw("screening_screeningfinding", "text", finding.pk)
    assert raw.startswith("wbenc1:") and "Geldschieterqvx" not in raw
    assert ScreeningFinding.objects.get(pk=finding.pk).text == CANARY
    trail = " ".join(str(r.changes) for r in AuditRecord.objects.all())
    assert "Geldschieterqvx" not in trail and "[encrypted, 25 characters]" in trail


def test_an_encrypted_column_cannot_be_searched(bibob_coordinator):
    _finding(bibob_coordinator)
    with pytest.raises(FieldError):
        ScreeningFinding.objects.filter(text=CANARY).count()
    with pytest.raises(FieldError):
        ScreeningFinding.objects.filter(text__icontains="Dubai").count()
    assert ScreeningFinding.objects.filter(text__isnull=False).count() == 1


def test_rotation_brings_every_value_under_the_current_key(settings, bibob_coordinator):
    settings.FIELD_ENCRYPTION_KEYS = ["de oude sleutel " * 3]
    finding = _finding(bibob_coordinator)
    old = crypto.key_id_of(_raw("screening_screeningfinding", "text", finding.pk))
    settings.FIELD_ENCRYPTION_KEYS = ["de nieuwe sleutel " * 3, "de oude sleutel " * 3]
    status = io.StringIO()
    call_command("encryption", "status", stdout=status)
    assert f"{old}: 1" in status.getvalue()
    out = io.StringIO()
    call_command("encryption", "rotate", stdout=out)
    assert "screening.screeningfinding.text: 1 re-encrypted" in out.getvalue()
    raw = _raw("screening_screeningfinding", "text", finding.pk)
    assert crypto.key_id_of(raw) == crypto.current_id() != old
    settings.FIELD_ENCRYPTION_KEYS = ["de nieuwe sleutel " * 3]  # the old key can go
    assert ScreeningFinding.objects.get(pk=finding.pk).text == CANARY
    settings.FIELD_ENCRYPTION_KEYS = ["een andere sleutel " * 3]
    with pytest.raises(crypto.DecryptionError):
        ScreeningFinding.objects.get(pk=finding.pk)


def test_a_plain_value_from_before_is_read_and_then_encrypted(bibob_coordinator):
    finding = _finding(bibob_coordinator)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE screening_screeningfinding SET text = %s WHERE id = %s", [CANARY, finding.pk]
        )
    assert ScreeningFinding.objects.get(pk=finding.pk).text == CANARY
    call_command("encryption", "rotate", stdout=io.StringIO())
    assert _raw("screening_screeningfinding", "text", finding.pk).startswith("wbenc1:")
    assert ScreeningFinding.objects.get(pk=finding.pk).text == CANARY
