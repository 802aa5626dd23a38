"""An organisation the warehouse flags becomes a findable subject (#18): the Bibob
coordinator finds "Nagelstudio Glans" by name, its page shows the alert, its address is
linked, and a second scan makes no second one."""

import pytest
from django.urls import reverse

from tests.factories import login, make_address
from tests.warehouse.test_rules import _business, _kvk, _ordinary
from weerbaar.audit.constants import AuditAction
from weerbaar.audit.models import AuditRecord
from weerbaar.subjects.models import Organisation, Relation
from weerbaar.warehouse import services
from weerbaar.warehouse.scan import scan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def warehouse(settings, tmp_path):
    settings.WAREHOUSE_PATH = str(tmp_path / "warehouse.duckdb")


def test_a_flagged_business_is_found_by_the_subject_search(tmp_path, bibob_coordinator, regisseur):
    home = make_address("Industrieweg", 77, "6981ZZ", "Weerdam")
    studio = _business(300, sbi="96022", founded="2016-03-01", postcode="6981ZZ", number=77)
    studio[2] = "Nagelstudio Glans"
    services.import_kvk(path=_kvk(tmp_path, [*_ordinary(), studio]))
    counts = scan()
    assert counts["organisations"] == 1
    organisation = Organisation.objects.select_related("subject").get(kvk_number=studio[0])
    subject = organisation.subject
    assert (subject.label, subject.source, organisation.sbi_codes) == (
        "Nagelstudio Glans",
        "KvK",
        ["96022"],
    )
    assert Relation.objects.filter(from_subject=subject, to_subject=home, kind="registered_at")
    assert AuditRecord.objects.filter(action=AuditAction.SUBJECT_CREATED, subject_ref=subject.uuid)

    found = login(bibob_coordinator).post(reverse("subjects:search"), {"q": "Nagelstudio Glans"})
    assert reverse("subjects:detail", args=[subject.uuid]) in found.content.decode()
    page = login(regisseur).get(reverse("subjects:detail", args=[subject.uuid])).content.decode()
    assert "Nieuwkomers in risicobranches" in page  # the alert, in its section

    assert scan()["organisations"] == 0
    assert Organisation.objects.filter(kvk_number=studio[0]).count() == 1


def test_an_organisation_already_recorded_is_not_made_again(tmp_path):
    from weerbaar.subjects.services import organisation_create

    studio = _business(300, sbi="96022", founded="2016-03-01")
    organisation_create(actor=None, name="Glans", source="hand", kvk_number=studio[0])
    services.import_kvk(path=_kvk(tmp_path, [*_ordinary(), studio]))
    assert scan()["organisations"] == 0
    assert Organisation.objects.get(kvk_number=studio[0]).name == "Glans"
