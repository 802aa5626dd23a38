"""The processing activities of the product as the register's defaults (AVG art. 30), in
Dutch as the municipality keeps them; the beheerder changes them on the settings page and
grants: the FG reads the register, the beheerder keeps it."""

from django.db import migrations

from weerbaar.accounts.roles import grant, revoke

ROLE_PERMISSIONS = {
    "beheerder": ["privacy.change_processingactivity", "privacy.add_processingactivity"],
}
MEASURES = (
    "Need-to-know per rol, team en deelrecht; audittrail met hash-keten van elke inzage en "
    "wijziging; tweestapsverificatie; bewaartermijnen die elke nacht worden toegepast; "
    "exports met doel, naam en goedkeuring boven een drempel."
)
ACTIVITIES = [
    (
        "meldpunt",
        "Meldpunt ondermijning",
        "Meldingen van inwoners, medewerkers en partners over mogelijke ondermijning "
        "ontvangen, de melder antwoorden en terugkoppelen.",
        "AVG art. 6 lid 1 onder e (publieke taak); Gemeentewet art. 172 (openbare orde).",
        "Melders; personen en bedrijven over wie wordt gemeld.",
        "Contactgegevens van de melder (optioneel), omschrijving, locatie, foto's.",
        True,
        "Regisseur ondermijning; het behandelend team.",
        "Meldformulier, Meld Misdaad Anoniem, interne meldingen.",
        ["reporter_contact", "reporter_dialogue", "report_attachments"],
    ),
    (
        "signalen",
        "Signalen wegen en verrijken",
        "Signalen beoordelen, verrijken met gegevens uit andere bronnen en wegen of ze in het "
        "LIO of als casus verder gaan.",
        "AVG art. 6 lid 1 onder e; UAVG art. 33 lid 1 onder b (strafrechtelijke gegevens voor "
        "de bestuurlijke aanpak).",
        "Personen, bedrijven, adressen en voertuigen in signalen.",
        "NAW-gegevens, BSN (als versleutelde hash), relaties, verrijking met bron en "
        "betrouwbaarheid.",
        True,
        "Regisseur ondermijning; teams met een deelrecht.",
        "Meldingen, basisregistraties (BRP, BAG, KvK), partners in het LIO.",
        ["signal_no_action", "signal_case", "subject_recorded"],
    ),
    (
        "lio",
        "Lokaal informatieoverleg (LIO)",
        "Signalen bespreken met de partners en besluiten tot een casus, overdracht of "
        "afsluiten.",
        "AVG art. 6 lid 1 onder e; convenant met de partners van het LIO.",
        "Personen en bedrijven op de agenda.",
        "Agendapunten, besluiten, actiepunten, bijdragen van partners.",
        True,
        "Deelnemers van het LIO (politie, RIEC, partners) voor de gedeelde agendapunten.",
        "Signalen; bijdragen van de partners.",
        ["meeting_minutes"],
    ),
    (
        "casussen",
        "Casussen en bestuurlijke maatregelen",
        "Casusdossiers bijhouden en bestuurlijke maatregelen voorbereiden, nemen en uitvoeren "
        "(sluitingen, lasten onder dwangsom).",
        "Opiumwet art. 13b; Gemeentewet art. 174; Woningwet art. 17; Awb.",
        "Betrokkenen in casussen; eigenaren en gebruikers van panden.",
        "Dossierstukken, notities, taken, maatregelen, bestuurlijke rapportages.",
        True,
        "Het casusteam; de burgemeester voor de besluiten; partners met een deelrecht.",
        "Signalen, LIO-besluiten, bestuurlijke rapportages van de politie.",
        ["case", "intervention"],
    ),
    (
        "bibob",
        "Bibob-onderzoeken",
        "Aanvragers van vergunningen en subsidies screenen op het gevaar van misbruik.",
        "Wet Bibob art. 7 en 28; UAVG art. 33.",
        "Aanvragers en personen in een zakelijk samenwerkingsverband met hen.",
        "Vragenlijst, financiering, zeggenschap, antecedenten, advies van het LBB.",
        True,
        "Bibob-coördinator; Landelijk Bureau Bibob; de betrokkene voor zijn eigen gegevens.",
        "Aanvraag en vragenlijst, open bronnen, LBB.",
        ["screening"],
    ),
    (
        "controles",
        "Integrale controles en adrescontroles",
        "Panden en bedrijven controleren met de partners en de uitkomst vastleggen.",
        "Gemeentewet art. 174; Woningwet; Wet BRP art. 2.34 (adresonderzoek).",
        "Bewoners, gebruikers en ondernemers op de gecontroleerde adressen.",
        "Bevindingen, foto's, wie op het adres is aangetroffen.",
        False,
        "Toezichthouders; de partners van de controle.",
        "Signalen, attenderingen van het informatiepakhuis.",
        ["inspection"],
    ),
    (
        "pakhuis",
        "Informatiepakhuis",
        "Basisregistraties koppelen en afwijkingen van het normale vinden (overbewoning, "
        "adressen met veel inschrijvingen, risicobranches).",
        "AVG art. 6 lid 1 onder e; Wet BRP art. 3.3 (verstrekking aan de gemeente).",
        "Ingezetenen, ondernemers, eigenaren en gebruikers van panden.",
        "BRP-, BAG- en KvK-gegevens, vergunningen, attenderingen.",
        False,
        "Regisseur ondermijning en analisten.",
        "BRP, BAG, KvK, vergunningen en sluitingen van het casussysteem.",
        ["warehouse_alert", "warehouse_import"],
    ),
    (
        "verantwoording",
        "Verantwoording aan de raad",
        "Het jaarverslag en de overzichten met aantallen, zonder herleidbare personen.",
        "Gemeentewet art. 180 (inlichtingen aan de raad).",
        "Geen: alleen aantallen; kleine aantallen worden afgeschermd.",
        "Aantallen per jaar, fenomeen, maatregel en gebied.",
        False,
        "Gemeenteraad; burgemeester.",
        "De andere verwerkingen, geaggregeerd.",
        [],
    ),
    (
        "rechten",
        "Verzoeken van betrokkenen en toezicht",
        "Verzoeken van betrokkenen afhandelen en het gebruik van de gegevens bewaken.",
        "AVG art. 12-18, 30 en 32; UAVG art. 41.",
        "Betrokkenen die een verzoek doen; medewerkers (in de audittrail).",
        "Het verzoek, beslissingen, de audittrail.",
        False,
        "Functionaris gegevensbescherming.",
        "De verzoeker; de audittrail.",
        ["data_request", "audit_trail"],
    ),
]


def forwards(apps, schema_editor):
    Activity = apps.get_model("privacy", "ProcessingActivity")
    for order, row in enumerate(ACTIVITIES):
        code, name, purpose, basis, subjects, data, criminal, recipients, sources, kinds = row
        Activity.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "purpose": purpose,
                "legal_basis": basis,
                "data_subjects": subjects,
                "data_categories": data,
                "criminal_data": criminal,
                "recipients": recipients,
                "sources": sources,
                "retention": kinds,
                "measures": MEASURES,
                "order": order * 10,
            },
        )
    grant(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    codes = [row[0] for row in ACTIVITIES]
    apps.get_model("privacy", "ProcessingActivity").objects.filter(code__in=codes).delete()
    revoke(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0007_processing_register"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
