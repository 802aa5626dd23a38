"""The case list as a file: the rows the list shows the user, and nothing hidden."""

from django.urls import reverse

from tests.exports import PURPOSE, confirmed, read_csv, xlsx_rows
from tests.factories import CaseFactory
from weerbaar.audit.models import AuditRecord


def test_case_export_holds_the_visible_filtered_cases(client, behandelaar, team, other_team):
    mine = CaseFactory(owner_team=team, title="+31 Loodsweg")
    CaseFactory(owner_team=team, title="Kerkstraat 1", closed=True)
    CaseFactory(owner_team=other_team, title="Verborgen zaak")
    client.force_login(behandelaar)
    confirmed(client)
    page = client.get(reverse("cases:list"), {"state": "open"}).content.decode()
    assert "Loodsweg" in page and "Kerkstraat" not in page and "Verborgen" not in page
    rows = xlsx_rows(
        client.get(reverse("cases:list"), {"state": "open", "format": "xlsx", "doel": PURPOSE})
    )
    assert [row[2] for row in rows] == ["'+31 Loodsweg"]
    assert rows[0][0] == mine.reference and rows[0][6] == team.name
    assert rows[0][1].date() == mine.opened_on
    lines = read_csv(client.get(reverse("cases:list"), {"format": "csv", "doel": PURPOSE}))
    assert sorted(line[2] for line in lines[1:-1]) == ["'+31 Loodsweg", "Kerkstraat 1"]
    exports = AuditRecord.objects.filter(action="export.made", actor_id=behandelaar.pk)
    assert [r.changes["extra"]["list"] for r in exports] == ["casussen", "casussen"]
    assert {r.purpose for r in exports} == {PURPOSE}


def test_case_export_refuses_an_unknown_format(client, behandelaar, team):
    CaseFactory(owner_team=team)
    client.force_login(behandelaar)
    confirmed(client)
    answer = client.get(reverse("cases:list"), {"format": "html", "doel": PURPOSE})
    assert answer.status_code == 400 and b"<html" not in answer.content
