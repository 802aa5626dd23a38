"""The signal list as a file, and its filter "reporter waiting for an answer"."""

from django.urls import reverse
from freezegun import freeze_time

from tests.exports import PURPOSE, confirmed, read_csv, read_xlsx
from tests.factories import ReportFactory, SignalFactory
from weerbaar.audit.models import AuditRecord
from weerbaar.intake.services import feedback_send


def _world(team, other_team):
    mine = SignalFactory(owner_team=other_team, description='=HYPERLINK("http://x")')
    hidden = SignalFactory(owner_team=team, description="Verborgen voor de buitenstaander")
    return mine, hidden


def test_csv_has_the_rows_the_list_shows_neutralised_and_audited(
    client, outsider, team, other_team
):
    mine, hidden = _world(team, other_team)
    client.force_login(outsider)
    confirmed(client)
    page = client.get(reverse("signals:list")).content.decode()
    assert str(mine.uuid) in page and str(hidden.uuid) not in page
    answer = client.get(reverse("signals:list"), {"format": "csv", "doel": PURPOSE})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert "attachment" in answer["Content-Disposition"]
    rows = read_csv(answer)
    assert rows[0][:2] == ["Nummer", "Gemeld op"] and rows[0][-1] == "Omschrijving"
    assert rows[1][0] == mine.reference
    assert [row[-1] for row in rows[1:-1]] == ['\'=HYPERLINK("http://x")']
    assert rows[-1][0].startswith(f"Geëxporteerd door {outsider.get_full_name()} (outsider) op ")
    record = AuditRecord.objects.filter(action="export.made").get()
    assert record.purpose == PURPOSE and record.actor_id == outsider.pk
    assert record.changes["extra"]["list"] == "signalen"
    assert record.changes["extra"]["rows"] == 1


def test_xlsx_has_the_user_in_its_properties_and_footer(client, regisseur, team, other_team):
    mine, hidden = _world(team, other_team)
    SignalFactory(description="@SUM(1)", channel="mma")
    client.force_login(regisseur)
    confirmed(client)
    answer = client.get(
        reverse("signals:list"), {"format": "xlsx", "doel": PURPOSE, "channel": "internal"}
    )
    assert answer.status_code == 200
    book = read_xlsx(answer)
    sheet = book.active
    assert book.properties.creator == "regisseur"
    assert book.properties.lastModifiedBy == "regisseur"
    assert "(regisseur) op " in sheet.oddFooter.center.text
    values = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # The filter holds: the MMA signal is not in it; newest first, as the list shows.
    assert sorted(values) == sorted(['\'=HYPERLINK("http://x")', hidden.description])
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    extra = AuditRecord.objects.get(action="export.made").changes["extra"]
    assert extra["filters"] == {"channel": "internal"} and extra["format"] == "xlsx"


def test_an_unknown_format_is_refused_not_the_page(client, regisseur):
    client.force_login(regisseur)
    confirmed(client)
    answer = client.get(reverse("signals:list"), {"format": "pdf", "doel": PURPOSE})
    assert answer.status_code == 400
    assert not answer["Content-Type"].startswith("text/html")
    assert not AuditRecord.objects.filter(action="export.made").exists()


def test_an_export_without_purpose_goes_back_to_the_list(client, regisseur):
    client.force_login(regisseur)
    confirmed(client)
    answer = client.get(reverse("signals:list"), {"format": "csv", "status": "new"})
    assert (
        answer.status_code == 302 and answer["Location"] == reverse("signals:list") + "?status=new"
    )
    page = client.get(answer["Location"]).content.decode()
    assert "Geef het doel van de export op" in page
    assert not AuditRecord.objects.filter(action="export.made").exists()


def test_the_list_offers_the_export_with_its_filters(client, regisseur):
    SignalFactory()
    client.force_login(regisseur)
    confirmed(client)
    page = client.get(reverse("signals:list"), {"status": "new"}).content.decode()
    assert 'name="doel"' in page and 'value="xlsx"' in page
    assert '<input type="hidden" name="status" value="new">' in page


def _waiting_world():
    with freeze_time("2026-09-22"):
        answered = ReportFactory()
    with freeze_time("2026-10-01"):
        waiting = ReportFactory()
    with freeze_time("2026-10-29"):
        feedback_send(actor=None, report=answered, text="We kijken ernaar.")
    return waiting.signal, answered.signal


@freeze_time("2026-11-01 12:00")
def test_the_waiting_filter_finds_a_reporter_waiting_31_days_not_one_answered_3_days_ago(
    client, regisseur
):
    waiting, answered = _waiting_world()
    client.force_login(regisseur)
    confirmed(client)
    page = client.get(reverse("signals:list"), {"waiting": "on"}).content.decode()
    assert str(waiting.uuid) in page and str(answered.uuid) not in page
    everything = client.get(reverse("signals:list")).content.decode()
    assert str(answered.uuid) in everything
    rows = read_csv(
        client.get(reverse("signals:list"), {"waiting": "on", "format": "csv", "doel": PURPOSE})
    )
    assert len(rows) == 3  # header, the waiting signal, the footer


@freeze_time("2026-11-01 12:00")
def test_the_waiting_filter_keeps_the_query_count(client, regisseur, django_assert_max_num_queries):
    for _ in range(3):
        _waiting_world()
    client.force_login(regisseur)
    confirmed(client)
    # 16, and 2 for the choices of the bulk actions (who can be given signals, open meetings)
    with django_assert_max_num_queries(18) as few:
        client.get(reverse("signals:list"), {"waiting": "on"})
    for _ in range(10):
        _waiting_world()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("signals:list"), {"waiting": "on"})
